package nnlab.grader;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nnlab.kernel.Sandbox;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/grade}: release assignments and autograde submissions.
 *
 * <pre>{@code
 * bin/grade release source/04-mlp.ipynb --out release/
 * bin/grade autograde source/04-mlp.ipynb submitted/ --out graded/ --jobs 2
 * }</pre>
 */
@Command(name = "grade", mixinStandardHelpOptions = true, version = "nnlab grade 0.1",
        description = "Release nbgrader-style Java notebook assignments and autograde student submissions.",
        subcommands = {Grade.Release.class, Grade.AutogradeCmd.class})
public final class Grade implements Callable<Integer> {

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Grade());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            String why = ex instanceof java.nio.file.NoSuchFileException ? "no such file: " + ex.getMessage()
                    : ex instanceof java.nio.file.AccessDeniedException ? "permission denied: " + ex.getMessage()
                    : ex.getMessage();
            cmd.getErr().println("grade: " + why);
            return 2;
        });
        return cl.execute(args);
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The sandbox's address-space cap raised to heap + 4 GiB when a large {@code --memory} needs more. */
    static nnlab.kernel.Confinement withRoomFor(nnlab.kernel.Confinement c, String memory) {
        Sandbox sb = c.sandbox();
        if (sb == null) {
            return c;
        }
        char unit = Character.toLowerCase(memory.charAt(memory.length() - 1));
        long n = Long.parseLong(Character.isDigit(unit) ? memory : memory.substring(0, memory.length() - 1));
        long heap = unit == 'g' ? n << 30 : unit == 'm' ? n << 20 : unit == 'k' ? n << 10 : n;
        long need = heap + (4L << 30);
        return need <= sb.addressBytes() ? c : c.withSandbox(new Sandbox(sb.diskBytes(), sb.processes(), sb.openFiles(),
                sb.cpuSeconds(), need));
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Write the student version of each SOURCE notebook: solutions replaced by stubs, hidden "
                    + "tests removed, outputs cleared, checksums of locked and grade cells recorded.")
    static final class Release implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "SOURCE.ipynb")
        List<Path> sources;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the released notebooks.")
        Path out;

        @Override
        public Integer call() throws IOException {
            List<String> problems = new ArrayList<>();
            List<Assignment> ok = new ArrayList<>();
            for (Path src : sources) {
                try {
                    ok.add(Assignment.load(src));
                } catch (AssignmentException e) {
                    problems.addAll(e.problems());
                } catch (NotebookException e) {
                    problems.add(e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                PrintWriter err = new PrintWriter(System.err, true);
                err.println("grade release: nothing written; fix these first:");
                problems.forEach(p -> err.println("  " + p));
                return 2;
            }
            for (Assignment a : ok) {
                Path file = out.resolve(a.name() + ".ipynb");
                a.released().write(file);
                System.out.println("released " + file + " (" + a.graded().size() + " graded cells, "
                        + Scorer.fmt(a.maxScore()) + " points)");
            }
            return 0;
        }
    }

    @Command(name = "autograde", mixinStandardHelpOptions = true,
            description = "Grade every submission in SUBMISSIONS (one folder or .ipynb file per student) against "
                    + "SOURCE, each in a fresh JVM; write grades.csv, grades.json and feedback/<student>.html.")
    static final class AutogradeCmd implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SOURCE.ipynb")
        Path source;

        @Parameters(index = "1", paramLabel = "SUBMISSIONS_DIR")
        Path submissions;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the results.")
        Path out;

        @Option(names = "--jobs", paramLabel = "N", description = "Submissions graded at once (default: cores).")
        int jobs = Runtime.getRuntime().availableProcessors();

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per-cell time limit (default: 30).")
        int timeout = 30;

        @Option(names = "--memory", paramLabel = "SIZE", description = "Heap cap for student code (default: 512m).")
        String memory = "512m";

        @Option(names = "--duedate", paramLabel = "TEXT", description = "Due date written to grades.csv.")
        String duedate;

        @Option(names = "--force", description = "Grade again even when an earlier result is up to date.")
        boolean force;

        @Option(names = "--quiet", description = "No progress bar.")
        boolean quiet;

        @Option(names = "--no-sandbox", description = "Run student code without the bubblewrap sandbox (it can then "
                + "read and write what you can): only when bwrap cannot run here; prints a warning.")
        boolean noSandbox;

        @Option(names = "--kernel-classpath", paramLabel = "CP",
                description = "Class path with nnlab.kernel.CellRunner (default: this program's).")
        String kernelClasspath;

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (!memory.matches("\\d+[kKmMgG]?")) {
                throw new IllegalArgumentException("--memory " + memory + ": expected a size like 512m or 2g");
            }
            Runner.Options d = Runner.Options.defaults();
            if (noSandbox) {
                d = d.withoutSandbox();
                System.err.println("grade autograde: WARNING: --no-sandbox: student code runs unsandboxed, as your user:"
                        + " it can read SOURCE and other submissions, write the output folder and use the network"
                        + " (docker/GRADING.md)");
            } else {
                try {
                    Sandbox.require();
                } catch (Sandbox.SandboxUnavailable e) {
                    System.err.println("grade autograde: " + e.getMessage());
                    return 2;
                }
            }
            Runner.Options o = new Runner.Options(d.java(), kernelClasspath == null ? d.kernelClasspath()
                    : kernelClasspath, d.userClasspath(), d.runnerJvmOptions(), List.of("-Xmx" + memory, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), timeout,
                    d.maxOutputChars(), d.marginSeconds(), withRoomFor(d.confinement(), memory));
            Autograde.Settings s = new Autograde.Settings(source, submissions, out, jobs, o, duedate, force,
                    quiet ? null : System.out);
            try {
                Autograde.Run run = Autograde.run(s);
                System.out.print(Reports.summary(run.assignment(), run.results(), run.millis(), jobs, run.resumed()));
                System.out.println("Wrote " + out.resolve("grades.csv") + ", " + out.resolve("grades.json") + ", "
                        + out.resolve("feedback") + "/<student>.html");
                return 0;
            } catch (AssignmentException e) {
                System.err.println("grade autograde: the source notebook has problems:");
                e.problems().forEach(p -> System.err.println("  " + p));
                return 2;
            }
        }
    }
}
