package nnlab.kernel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Starts the kernel for Jupyter: {@code java -cp <kernel classpath> nnlab.kernel.KernelMain CONNECTION_FILE}.
 *
 * <p>The kernelspec written by {@code bin/install-kernel} runs exactly this. Environment:
 * {@code NNLAB_CELL_TIMEOUT} (seconds per cell, default none), {@code NNLAB_MAX_OUTPUT_CHARS}
 * (default 200000), {@code NNLAB_JAVA_OPTS} (options of the JVM that runs notebook code).
 * {@code JPY_PARENT_PID} (set by Jupyter): when that process ends, the kernel and its student JVM exit
 * ({@link ParentWatch}).
 *
 * <pre>{@code
 * java -cp "kernel/target/kernel-0.1.0-SNAPSHOT.jar:kernel/target/lib/*" nnlab.kernel.KernelMain /tmp/kernel-1.json
 * }</pre>
 */
public final class KernelMain {
    private KernelMain() {
    }

    /** Runs until Jupyter sends shutdown. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KernelMain CONNECTION_FILE (Jupyter passes {connection_file})");
            System.exit(2);
        }
        String json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        KernelConnectionProperties props = KernelConnectionProperties.parse(json);
        JavaKernel kernel = new JavaKernel(Evaluator.Options.fromEnvironment());
        FastConnection connection = new FastConnection(props);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        ParentWatch.start(System.getenv("JPY_PARENT_PID"), () -> {
            System.err.println("nnlab kernel: the notebook server (JPY_PARENT_PID " + System.getenv("JPY_PARENT_PID")
                    + ") has ended; the kernel exits");
            kernel.parentGone();
            System.exit(0);
        });
        kernel.onStartup();
        connection.waitUntilClose();
        kernel.onShutdown(false);
        System.exit(0);
    }
}
