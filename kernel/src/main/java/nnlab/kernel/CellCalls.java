package nnlab.kernel;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the kernel does for a running cell's call into it ({@link CallChannel}): IJava's {@code eval(code)},
 * {@code lineMagic(name, args)} and {@code cellMagic(name, args, body)}, in the cell's run (its output, stop
 * button and timeout), answered with the fields of the {@code done} message that
 * {@link nnlab.kernel.agent.KernelCalls} turns into the call's value or exception.
 *
 * <pre>{@code
 * CellCalls calls = new CellCalls(() -> current, snippets, magics, run -> host(run));
 * calls.handle(request);     // {"value"}: eval's object kept in the student JVM; {"list", paths}; {"bad", message}
 * }</pre>
 */
final class CellCalls {
    private final Supplier<CellRun> current;
    private final Snippets snippets;
    private final Magics magics;
    private final Function<CellRun, Magics.Host> host;

    /** Calls served in the run {@code current} gives (null between cells), with these snippets and magics. */
    CellCalls(Supplier<CellRun> current, Snippets snippets, Magics magics, Function<CellRun, Magics.Host> host) {
        this.current = current;
        this.snippets = snippets;
        this.magics = magics;
        this.host = host;
    }

    /**
     * A running cell's call into the kernel (IJava's {@code eval}, {@code lineMagic}, {@code cellMagic}),
     * on {@link CallChannel}'s thread while the cell's snippet waits: evaluated in the cell's run (its
     * output, stop button and timeout), answered with {@code done}'s fields.
     */
    Object[] handle(JsonObject req) {
        String kind = req.get("call").getAsString();
        CellRun r = current.get();
        if (r == null || !r.running || r.number == 0) {
            String what = kind.equals("line") ? "lineMagic" : kind.equals("cell") ? "cellMagic" : "eval";
            return new Object[] {"error", what + " works only in a notebook cell while it runs (not in a widget callback"
                    + " or a thread still running after its cell)"};
        }
        try {
            switch (kind) {
                case "eval" -> {
                    String ref = snippets.evalRef(req.get("code").getAsString(), r);
                    if (ref == null) {
                        return new Object[] {"null"};
                    }
                    snippets.internal("nnlab.kernel.agent.KernelCalls.keep(" + ref + ")", r);
                    return new Object[] {"value"};
                }
                case "line", "cell" -> {
                    List<String> args = new ArrayList<>();
                    req.getAsJsonObject("args").entrySet().forEach(e -> args.add(e.getValue().getAsString()));
                    String name = req.get("name").getAsString();
                    List<String> paths = kind.equals("line") ? magics.callLine(name, args, host.apply(r))
                            : magics.callCell(name, args, req.get("body").getAsString(), host.apply(r));
                    return paths == null ? new Object[] {"null"} : new Object[] {"list", paths.toArray(String[]::new)};
                }
                default -> {
                    return new Object[] {"error", "unknown call into the kernel: " + kind};
                }
            }
        } catch (CellFailure f) {
            boolean bad = f.status == CellResult.Status.ERROR && !f.ename.contains(".");
            return new Object[] {bad ? "bad" : "error", kind.equals("eval") ? evalFailure(f) : f.evalue};
        }
    }

    /** One line for a failure of {@code eval(code)}: a compile error with its line of the code, symbol and caret dropped. */
    private static String evalFailure(CellFailure f) {
        if (!f.ename.equals("CompilationException")) {
            return "eval: " + f.evalue;
        }
        StringBuilder b = new StringBuilder("eval: ");
        for (String line : f.traceback) {
            String t = line.strip();
            if (!t.equals("^")) {
                b.append(b.length() > 6 ? " " : "").append(t.replaceFirst("^Compile error at cell line (\\d+):", "compile error at line $1 of the code:"));
            }
        }
        return b.toString();
    }
}
