package nnlab.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * Lets a notebook's own imports win over the kernel's start-up wildcard imports of nnlab's packages, so
 * that {@code import org.tribuo.*;} beside {@code nnlab.train.*} never ends in "reference to Trainer is
 * ambiguous".
 *
 * <p>After a cell's {@code import p.*;}, every public simple name that {@code p} shares with a start-up
 * import of an nnlab package ({@code nnlab.train.*}, {@code nnlab.data.*}, ...) gets a single-type import
 * {@code import p.Name;}, which Java ranks above any wildcard import: the notebook's import wins. A
 * single-type import of the notebook's own ({@code import org.tribuo.Trainer;}) wins by Java's rule
 * already. Either way the cell prints one note naming what now refers to what, e.g.
 * {@code Note: import org.tribuo.* wins: Dataset, Trainer are now org.tribuo's (before: nnlab.data.Dataset,
 * nnlab.train.Trainer; write the full name to use those).} The JDK's start-up imports ({@code java.util.*},
 * ...) are IJava's too and keep Java's rule, as two wildcard imports of the notebook's own do.
 *
 * <pre>{@code
 * ImportPrecedence p = new ImportPrecedence(session);
 * String note = p.imported(importSnippet);   // null when nothing changed meaning
 * }</pre>
 */
final class ImportPrecedence {
    private final Session session;
    /** The start-up wildcard imports of nnlab's packages and their names (read at first use). */
    private final Map<String, TreeSet<String>> onDemand = new LinkedHashMap<>();
    private JShell shell;

    ImportPrecedence(Session session) {
        this.session = session;
    }

    /** Called after {@code imp} was evaluated without error; returns the note to print, or null. */
    String imported(ImportSnippet imp) {
        if (imp.isStatic()) {
            return null;
        }
        JShell s = session.shell();
        if (s != shell) {        // a new session: its imports are the start-up ones again
            shell = s;
            onDemand.clear();
            for (String pkg : KernelLibPackages.find()) {
                onDemand.put(pkg, null);
            }
        }
        String full = imp.fullname();
        if (imp.subKind() == Snippet.SubKind.SINGLE_TYPE_IMPORT_SUBKIND) {
            String name = full.substring(full.lastIndexOf('.') + 1);
            List<String> before = shadowed(name, full.substring(0, full.lastIndexOf('.')));
            return before.isEmpty() ? null : note(full, List.of(name), before);
        }
        String pkg = full.substring(0, full.length() - 2);
        if (onDemand.containsKey(pkg)) {
            return null;     // nnlab's own package imported again: nothing changes meaning
        }
        List<String> won = new ArrayList<>();
        List<String> before = new ArrayList<>();
        for (String name : PackageNames.of(pkg, session.classpath())) {
            List<String> other = shadowed(name, pkg);
            if (!other.isEmpty() && importType(s, pkg + "." + name)) {
                won.add(name);
                before.addAll(other);
            }
        }
        return won.isEmpty() ? null : note(full, won, before);
    }

    /** Full names that {@code name} had through nnlab's start-up imports other than {@code pkg}. */
    private List<String> shadowed(String name, String pkg) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> e : onDemand.entrySet()) {
            if (!e.getKey().equals(pkg)) {
                if (e.getValue() == null) {
                    e.setValue(PackageNames.of(e.getKey(), List.of(KernelLibPackages.location().toString())));
                }
                if (e.getValue().contains(name)) {
                    out.add(e.getKey() + "." + name);
                }
            }
        }
        return out;
    }

    /** Adds {@code import type;}; false (and nothing left behind) when it does not compile (a class that is not public). */
    private static boolean importType(JShell s, String type) {
        for (SnippetEvent e : s.eval("import " + type + ";")) {
            if (e.causeSnippet() == null && e.status() != Snippet.Status.VALID) {
                s.drop(e.snippet());
                return false;
            }
        }
        return true;
    }

    private static String note(String imported, List<String> won, List<String> before) {
        String owner = imported.endsWith(".*") ? imported.substring(0, imported.length() - 2) : imported.substring(0, imported.lastIndexOf('.'));
        return "Note: import " + imported + " wins: " + String.join(", ", won) + (won.size() == 1 ? " is" : " are")
                + " now " + owner + "'s (before: " + String.join(", ", before) + "; write the full name to use "
                + (before.size() == 1 ? "it" : "those") + ").\n";
    }
}
