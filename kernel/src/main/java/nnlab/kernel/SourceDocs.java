package nnlab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Javadoc of nnlab's own classes, read from the library's sources that kernel-lib's jar carries under
 * {@code nnlab-sources/} (JShell itself only finds Javadoc in the JDK's src.zip).
 *
 * <p>A JShell signature such as {@code Tensor Tensor.linspace(double start, double stop, int n)} or
 * {@code Linear(int in, int out, Rng rng)} is matched by name and simple parameter types against the
 * declarations that directly follow a {@code /** ... *}{@code /} comment in the declaring type's file.
 * Each file is parsed once.
 *
 * <pre>{@code
 * SourceDocs.javadoc("Tensor Tensor.linspace(double start, double stop, int n)", t -> "nnlab.tensor.Tensor");
 * // the description in linspace's Javadoc: "{@code n} evenly spaced values from ..."
 * }</pre>
 */
final class SourceDocs {
    private static final String PREFIX = "nnlab-sources/";
    private static final Pattern COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile("\\b(?:class|interface|enum|record)\\s+(\\w+)");
    private static final Map<String, Map<String, String>> FILES = new ConcurrentHashMap<>();

    private SourceDocs() {
    }

    /**
     * The Javadoc (description only, before any block tag) of the member a JShell signature names,
     * or null when it is not declared in package nnlab or has no Javadoc.
     *
     * @param qualify turns a type name as the signature writes it ({@code Tensor}) into its qualified
     *     name ({@code nnlab.tensor.Tensor}), or null when unknown
     */
    static String javadoc(String signature, UnaryOperator<String> qualify) {
        String full = full(signature, qualify);
        return full == null ? null : description(full);
    }

    /** The part of a Javadoc comment's text before its first block tag ({@code @param}, ...). */
    static String description(String comment) {
        return comment.split("(?m)^\\s*@\\w")[0];
    }

    /**
     * The whole Javadoc comment (text without the leading {@code *}s, block tags included) of the member a
     * JShell signature names, or null; {@code qualify} as for {@link #javadoc}.
     */
    static String full(String signature, UnaryOperator<String> qualify) {
        String sig = eraseGenerics(signature).strip();
        int paren = sig.indexOf('(');
        String head = paren < 0 ? sig : sig.substring(0, paren).strip();
        String decl = head.substring(head.lastIndexOf(' ') + 1);
        int dot = decl.lastIndexOf('.');
        boolean member = head.contains(" "); // "Result Owner.name": a method or a field
        if (member && dot < 0) {
            return null; // declared in the session itself
        }
        String owner = member ? decl.substring(0, dot) : decl;
        String name = decl.substring(dot + 1);
        String qualified = owner.startsWith("nnlab.") ? owner : qualify.apply(owner);
        if (qualified == null || !qualified.startsWith("nnlab.")) {
            return null;
        }
        String key = paren < 0 ? name : name + "(" + paramTypes(sig.substring(paren + 1, sig.indexOf(')', paren))) + ")";
        return declarations(eraseGenerics(qualified)).get(key);
    }

    /** Declaration key to Javadoc for the file declaring a qualified type (nested types: the outer file). */
    private static Map<String, String> declarations(String qualifiedType) {
        return FILES.computeIfAbsent(qualifiedType, t -> {
            for (String path = t.replace('.', '/'); path.contains("/"); path = path.substring(0, path.lastIndexOf('/'))) {
                String source = read(PREFIX + path + ".java");
                if (source != null) {
                    return parse(source);
                }
            }
            return Map.of();
        });
    }

    private static Map<String, String> parse(String source) {
        Map<String, String> docs = new HashMap<>();
        Matcher m = COMMENT.matcher(source);
        while (m.find()) {
            int brace = source.indexOf('{', m.end());
            int semi = source.indexOf(';', m.end());
            int end = brace < 0 ? semi : semi < 0 ? brace : Math.min(brace, semi);
            if (end < 0) {
                continue;
            }
            String header = source.substring(m.end(), end).replaceAll("//[^\n]*", " ")
                    .replaceAll("@\\w+(\\([^)]*\\))?", " ");
            String text = m.group(1).replaceAll("(?m)^[ \\t]*\\*", "");
            for (String key : keys(header)) {
                docs.putIfAbsent(key, text);
            }
        }
        return docs;
    }

    /** Keys for a declaration header: "Name" for a type or field, "name(T1,T2)" for a method or constructor. */
    private static List<String> keys(String header) {
        String h = eraseGenerics(header);
        int eq = h.indexOf('=');
        h = (eq < 0 ? h : h.substring(0, eq)).strip();
        List<String> keys = new ArrayList<>();
        Matcher type = TYPE.matcher(h);
        if (type.find()) {
            keys.add(type.group(1));
        }
        int paren = h.indexOf('(');
        int close = h.indexOf(')', paren + 1);
        if (paren > 0 && close > 0) {
            String[] before = h.substring(0, paren).strip().split("\\s+");
            keys.add(before[before.length - 1] + "(" + paramTypes(h.substring(paren + 1, close)) + ")");
        } else if (keys.isEmpty() && !h.isEmpty()) {
            String[] words = h.split("\\s+");
            keys.add(words[words.length - 1]);
        }
        return keys;
    }

    /** "double start, nnlab.Rng rng, int... shape" as "double,Rng,int[]". */
    static String paramTypes(String params) {
        List<String> types = new ArrayList<>();
        for (String p : params.split(",")) {
            String[] words = p.replaceAll("\\bfinal\\b", " ").replace("...", "[] ").replaceAll("\\s*\\[\\s*]", "[]")
                    .strip().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            String type = words.length > 1 ? words[words.length - 2] : words[0];
            int bracket = type.indexOf('[');
            String base = bracket < 0 ? type : type.substring(0, bracket);
            types.add(base.substring(base.lastIndexOf('.') + 1) + (bracket < 0 ? "" : type.substring(bracket)));
        }
        return String.join(",", types);
    }

    static String eraseGenerics(String s) {
        String out = s;
        for (String prev = null; !out.equals(prev); ) {
            prev = out;
            out = out.replaceAll("<[^<>]*>", "");
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = SourceDocs.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // help text is optional: the signature alone is still shown
        }
    }
}
