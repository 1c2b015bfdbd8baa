package nnlab.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.imageio.ImageIO;
import nnlab.autograd.Value;
import nnlab.autograd.Var;

/**
 * Pictures of computation graphs, drawn by Graphviz's {@code dot} as micrograd draws them: data flows
 * left to right, from the inputs to the result.
 *
 * <p>A {@link Var} graph has one box per Var with its operation (or "param W" / "constant") and shape, the
 * value too when it is a scalar; parameters are blue, constants grey, the result yellow. A {@link Value}
 * graph has one box per value with its label, data and gradient, and the operation that made it as a
 * small circle in front of it.
 */
final class ComputationGraph {
    /** Larger graphs take dot long and make unreadable pictures. */
    static final int MAX_NODES = 2000;
    private static final String HEADER = "digraph computation {\n  rankdir=LR;\n  bgcolor=white;\n"
            + "  node [fontname=\"DejaVu Sans\", fontsize=11];\n  edge [color=\"#555555\", arrowsize=0.7];\n";

    private ComputationGraph() {
    }

    /** DOT source for the graph that computed {@code root}. */
    static String dot(Var root) {
        List<Var> nodes = nodes(root, Var::inputs);
        Map<Var, Integer> id = ids(nodes);
        StringBuilder sb = new StringBuilder(HEADER);
        for (Var v : nodes) {
            String kind = v.param() != null ? "param" : v.op().isEmpty() ? "constant" : v.op();
            String title = v.label().isEmpty() ? kind : kind.equals(v.op()) ? v.label() + " = " + kind : kind + " " + v.label();
            String shape = Arrays.toString(v.shape());
            String scalar = v.value().size() == 1 ? " | " + num(v.value().array()[0]) : "";     // a scalar's value too
            String fill = v == root ? "#fde68a" : v.param() != null ? "#dbeafe" : v.op().isEmpty() ? "#eeeeee" : "#ffffff";
            sb.append(String.format("  n%d [shape=record, style=\"rounded,filled\", fillcolor=\"%s\", label=\"{%s | %s%s}\"];%n",
                    id.get(v), fill, escape(title), escape(shape), scalar));
        }
        for (Var v : nodes) {
            for (Var in : v.inputs()) {
                sb.append(String.format("  n%d -> n%d;%n", id.get(in), id.get(v)));
            }
        }
        return sb.append("}\n").toString();
    }

    /** DOT source for the graph that computed the scalar {@code root}. */
    static String dot(Value root) {
        List<Value> nodes = nodes(root, Value::inputs);
        Map<Value, Integer> id = ids(nodes);
        StringBuilder sb = new StringBuilder(HEADER);
        for (Value v : nodes) {
            String fill = v == root ? "#fde68a" : v.inputs().isEmpty() ? "#dbeafe" : "#ffffff";
            String label = v.label().isEmpty() ? "" : escape(v.label()) + " | ";
            sb.append(String.format("  n%d [shape=record, style=\"rounded,filled\", fillcolor=\"%s\", "
                    + "label=\"{%sdata %s | grad %s}\"];%n", id.get(v), fill, label, num(v.data()), num(v.grad())));
            if (!v.inputs().isEmpty()) {
                sb.append(String.format("  op%d [shape=circle, width=0.3, margin=0.02, fontsize=10, label=\"%s\"];%n",
                        id.get(v), escape(v.op())));
                sb.append(String.format("  op%d -> n%d;%n", id.get(v), id.get(v)));
                for (Value in : v.inputs()) {
                    sb.append(String.format("  n%d -> op%d;%n", id.get(in), id.get(v)));
                }
            }
        }
        return sb.append("}\n").toString();
    }

    /** Runs {@code program} (dot) on the DOT source and reads the PNG it writes. */
    static BufferedImage render(String dot, String program) {
        Process p;
        try {
            p = new ProcessBuilder(program, "-Tpng", "-Gdpi=96").start();
        } catch (IOException e) {
            throw new IllegalStateException("Plots.graph: Graphviz's '" + program + "' program was not found ("
                    + e.getMessage() + "); install Debian's graphviz package: bin/setup does, or sudo apt-get install graphviz");
        }
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(dot.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // dot stopped reading: its exit code and message below say why
        }
        byte[] png = readAll(p.getInputStream());
        try {
            int code = p.waitFor();
            String message = new String(err.join(), StandardCharsets.UTF_8).strip();
            BufferedImage img = code == 0 ? ImageIO.read(new ByteArrayInputStream(png)) : null;
            if (img == null) {
                throw new IllegalStateException("Plots.graph: " + program + " failed (exit code " + code + "): " + message);
            }
            return img;
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Plots.graph: interrupted while " + program + " was drawing");
        } catch (IOException e) {
            throw new UncheckedIOException("Plots.graph: cannot read the PNG from " + program, e);
        }
    }

    private static byte[] readAll(InputStream s) {
        try (s) {
            return s.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nodes of the graph, root first, each once; fails past {@link #MAX_NODES}. */
    private static <T> List<T> nodes(T root, Function<T, List<T>> inputs) {
        if (root == null) {
            throw new IllegalArgumentException("Plots.graph: the value to draw is null");
        }
        List<T> nodes = new ArrayList<>(List.of(root));
        Map<T, Boolean> seen = new IdentityHashMap<>(Map.of(root, true));
        for (int i = 0; i < nodes.size(); i++) {
            for (T in : inputs.apply(nodes.get(i))) {
                if (seen.put(in, true) == null) {
                    nodes.add(in);
                }
            }
            if (nodes.size() > MAX_NODES) {
                throw new IllegalArgumentException("Plots.graph: the graph has more than " + MAX_NODES
                        + " nodes, too many to draw readably; draw a smaller computation (one sample, one layer)");
            }
        }
        return nodes;
    }

    private static <T> Map<T, Integer> ids(List<T> nodes) {
        Map<T, Integer> id = new IdentityHashMap<>();
        for (T n : nodes) {
            id.put(n, id.size());
        }
        return id;
    }

    /** Four decimals as micrograd shows them (scientific for very large or small numbers). */
    private static String num(double v) {
        double a = Math.abs(v);
        return a != 0 && (a >= 1e5 || a < 1e-3) ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Escapes what a record label treats specially. */
    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("{}|<>\"\\".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
