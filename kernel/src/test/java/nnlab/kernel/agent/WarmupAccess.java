package nnlab.kernel.agent;

/** Test access to the package-private {@link Warmup}. */
public final class WarmupAccess {
    private WarmupAccess() {
    }

    public static Thread start() {
        return Warmup.start();
    }

    public static void activity(boolean running) {
        Warmup.activity(running);
    }

    public static int done() {
        return Warmup.done;
    }

    public static boolean collected() {
        return Warmup.collected;
    }

    public static Throwable failure() {
        return Warmup.failure;
    }
}
