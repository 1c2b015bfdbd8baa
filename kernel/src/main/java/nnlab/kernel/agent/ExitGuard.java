package nnlab.kernel.agent;

import java.io.OutputStream;
import java.io.PrintStream;
import java.security.Permission;

/**
 * Turns {@code System.exit(n)} from notebook code into an {@link ExitCalled} error, so the
 * student's session (and its variables) survives.
 *
 * <p>A security manager is the only hook the JDK offers before the JVM exits. This one allows
 * every permission and vetoes only exits requested from snippet code (classes in JShell's
 * {@code REPL} package on the call stack); the agent's own shutdown still exits. On JDKs without
 * security-manager support (24 and later) {@link #install()} returns false and the kernel falls
 * back to restarting the session when the JVM dies.
 *
 * <pre>{@code
 * ExitGuard.install();
 * System.exit(3);        // throws ExitCalled("System.exit(3) was called")
 * }</pre>
 */
@SuppressWarnings("removal")
public final class ExitGuard extends SecurityManager {

    /** Thrown instead of exiting; an {@link Error} so {@code catch (Exception e)} does not swallow it. */
    public static final class ExitCalled extends Error {
        private static final long serialVersionUID = 1L;

        ExitCalled(int status) {
            super("System.exit(" + status + ") was called; the notebook's Java session keeps running"
                    + " (variables are kept). End a cell with return or an exception instead.");
        }
    }

    /** Installs the guard; false when this JDK no longer supports security managers. */
    public static boolean install() {
        if (System.getSecurityManager() instanceof ExitGuard) {
            return true;
        }
        PrintStream err = System.err;
        // JDK 17 prints a deprecation warning to System.err here: keep it off the student's stderr.
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            System.setSecurityManager(new ExitGuard());
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        } finally {
            System.setErr(err);
        }
    }

    @Override
    public void checkExit(int status) {
        for (Class<?> c : getClassContext()) {
            if (c.getName().startsWith("REPL.")) {
                throw new ExitCalled(status);
            }
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // everything else is allowed: this guard exists only for checkExit
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // everything else is allowed
    }
}
