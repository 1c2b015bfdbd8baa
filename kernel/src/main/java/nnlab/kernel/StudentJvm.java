package nnlab.kernel;

import com.sun.jdi.BooleanValue;
import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import com.sun.jdi.connect.ListeningConnector;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jdk.jshell.execution.JdiExecutionControl;
import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import nnlab.kernel.agent.ChannelStreams;
import nnlab.kernel.agent.RemoteAgent;

/**
 * JShell's execution engine for the student JVM: JShell's JDI launch, with TCP_NODELAY on both
 * ends of the command socket and the JVM's {@link Process} at hand.
 *
 * <p>JShell's built-in "jdi" engine leaves Nagle's algorithm on, so each multi-packet command
 * (loading a snippet's class) waits for a delayed ACK: about 40 ms per command, well over 100 ms
 * for {@code 1 + 1}. This engine starts the same remote agent protocol ({@link RemoteAgent}) with
 * JShell's public building blocks (a JDI listening connector, {@link Util#remoteInputOutput}) and
 * implements stop the way JShell does: suspend the JVM, find the thread running a snippet, and
 * throw the agent's stop exception into it through JDI (works for a busy {@code while (true) {}}).
 *
 * <p>The JVM is started as the session's {@link Confinement} says: its folder, environment and a
 * launcher prefix (a sandbox) in front of {@code java}. Both of its connections back to this JVM,
 * JDWP and the agent's command socket, are loopback TCP, or with a {@link Sandbox} (a network namespace of
 * its own) Unix sockets in a folder bound into it, JDWP through socat there (see kernel/README.md).
 *
 * <pre>{@code
 * JShell.builder().executionEngine(new StudentJvm.Provider(Confinement.NONE, calls), Map.of())
 * }</pre>
 */
final class StudentJvm extends JdiExecutionControl {
    private static final String AGENT_BASE = "jdk.jshell.execution.RemoteExecutionControl";
    private static final int LAUNCH_TIMEOUT_MILLIS = 20_000;

    /** Provider handed to {@code JShell.Builder.executionEngine}. */
    static final class Provider implements ExecutionControlProvider {
        private final Confinement confinement;
        private final CallChannel calls;
        private volatile DeferredControl control;
        volatile Process process;

        /** The student JVM is started as {@code confinement} says (folder, environment, launcher prefix). */
        Provider(Confinement confinement, CallChannel calls) {
            this.confinement = confinement;
            this.calls = calls;
        }

        @Override
        public String name() {
            return "nnlab-student-jvm";
        }

        /**
         * Starts the student JVM on a thread of its own and returns at once: JShell compiles the session's start-up
         * imports meanwhile ({@link DeferredControl}); {@link Session} awaits the control before the first run.
         */
        @Override
        public DeferredControl generate(ExecutionEnv env, Map<String, String> parameters) {
            CompletableFuture<ExecutionControl> launch = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    launch.complete(connect(env));
                } catch (Throwable e) {
                    launch.completeExceptionally(e);
                }
                // The thread that started the JVM lives as long as it does: bubblewrap's --die-with-parent
                // kills the sandbox when the thread that forked it ends, not the process.
                Process p = process;
                while (p != null && p.isAlive()) {
                    try {
                        p.waitFor();
                    } catch (InterruptedException e) {
                        // only the JVM's end ends this thread
                    }
                }
            }, "nnlab-student-jvm-launch");
            t.setDaemon(true);
            t.start();
            control = new DeferredControl(launch);
            return control;
        }

        /** The control the last {@link #generate} returned. */
        DeferredControl control() {
            return control;
        }

        private ExecutionControl connect(ExecutionEnv env) throws Throwable {
            if (confinement.sandbox() != null) {
                return generateSandboxed(env);
            }
            if (env.extraRemoteVMOptions().stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="))) {
                return generateWithoutJdwp(env);
            }
            try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                listener.setSoTimeout(LAUNCH_TIMEOUT_MILLIS);
                VirtualMachine vm = launch(listener.getLocalPort(), env.extraRemoteVMOptions());
                Process p = process;
                // resumes the JVM (it starts suspended) and reports its death
                Util.detectJdiExitEvent(vm, reason -> env.closeDown());
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                calls.connect(out, p);
                return Util.remoteInputOutput(socket.getInputStream(), out, outputs(env), inputs(env),
                        (in, o) -> new StudentJvm(o, in, vm, p, calls));
            }
        }

        /**
         * Starts the JVM without JDWP, which the JVM refuses beside {@code -XX:ArchiveClassesAtExit} (the
         * {@link StudentArchive} run): only the agent's command socket, so the stop button cannot reach it.
         */
        private ExecutionControl generateWithoutJdwp(ExecutionEnv env) throws Throwable {
            try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                listener.setSoTimeout(LAUNCH_TIMEOUT_MILLIS);
                ProcessBuilder pb = new ProcessBuilder(confinement.command(javaCommand(null, env.extraRemoteVMOptions(),
                        Integer.toString(listener.getLocalPort()))))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
                confinement.applyTo(pb);
                Process p = pb.start();
                process = p;
                p.onExit().thenRun(env::closeDown);
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                return Util.remoteInputOutput(socket.getInputStream(), socket.getOutputStream(), outputs(env), inputs(env),
                        (in, o) -> new StreamingExecutionControl(o, in));
            }
        }

        /**
         * Starts the JVM in its {@link Sandbox}, which has a network of its own: JDWP listens inside it and
         * socat carries it to the Unix socket {@code jdwp}; the agent connects to the Unix socket {@code agent}.
         * Both sockets live in a fresh folder only the sandbox's user may enter, removed once connected.
         */
        private ExecutionControl generateSandboxed(ExecutionEnv env) throws Throwable {
            Path sockets = Files.createTempDirectory("nnlab-ipc-");
            StringBuilder launchErrors = new StringBuilder();
            try (ServerSocketChannel jdwp = UnixJdwp.listen(sockets.resolve("jdwp"));
                 ServerSocketChannel agent = UnixJdwp.listen(sockets.resolve("agent"))) {
                if (confinement.sandbox().dropsToUid()) {
                    for (Path p : List.of(sockets, sockets.resolve("jdwp"), sockets.resolve("agent"))) {
                        Files.setAttribute(p, "unix:uid", Sandbox.uid());
                    }
                }
                List<String> cmd = javaCommand("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:"
                        + Sandbox.JDWP_PORT, env.extraRemoteVMOptions(), "unix:" + sockets.resolve("agent"));
                ProcessBuilder pb = new ProcessBuilder(confinement.command(cmd, sockets))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false);
                confinement.applyTo(pb);
                Process p = pb.start();
                process = p;
                keepHead(p.getErrorStream(), launchErrors);
                p.onExit().thenRun(() -> {
                    UnixJdwp.close(jdwp);
                    UnixJdwp.close(agent);
                });
                try {
                    VirtualMachine vm = UnixJdwp.attach(UnixJdwp.accept(jdwp, LAUNCH_TIMEOUT_MILLIS));
                    Util.detectJdiExitEvent(vm, reason -> env.closeDown());
                    SocketChannel a = UnixJdwp.accept(agent, LAUNCH_TIMEOUT_MILLIS);
                    OutputStream out = ChannelStreams.out(a);
                    calls.connect(out, p);
                    return Util.remoteInputOutput(ChannelStreams.in(a), out, outputs(env),
                            inputs(env), (in, o) -> new StudentJvm(o, in, vm, p, calls));
                } catch (IOException e) {
                    p.destroyForcibly();
                    p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
                    throw new IOException("the sandboxed student JVM did not connect (" + e.getMessage() + ")"
                            + (launchErrors.length() == 0 ? "" : "; the sandbox said: " + launchErrors.toString().strip()), e);
                }
            } finally {
                deleteQuietly(sockets);
            }
        }

        private Map<String, OutputStream> outputs(ExecutionEnv env) {
            Map<String, OutputStream> outputs = new HashMap<>();
            outputs.put("out", env.userOut());
            outputs.put("err", env.userErr());
            outputs.put(CallChannel.CALL, calls.sink());
            return outputs;
        }

        private static Map<String, InputStream> inputs(ExecutionEnv env) {
            Map<String, InputStream> inputs = new HashMap<>();
            inputs.put("in", env.userIn());
            return inputs;
        }

        /** java, the JDWP option (if any), the session's options, the confinement's, the agent and its address. */
        private List<String> javaCommand(String jdwp, List<String> vmOptions, String agentAddress) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            if (jdwp != null) {
                cmd.add(jdwp);
            }
            cmd.addAll(vmOptions);
            cmd.addAll(confinement.vmOptions());   // after the options given, so they win
            cmd.add(RemoteAgent.class.getName());
            cmd.add(agentAddress);
            return cmd;
        }

        /** Keeps the first 2000 characters the launcher writes to stderr (bwrap's errors) and drains the rest. */
        private static void keepHead(InputStream err, StringBuilder head) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    for (int n; (n = err.read(buf)) >= 0; ) {
                        synchronized (head) {
                            if (head.length() < 2000) {
                                head.append(new String(buf, 0, Math.min(n, 2000 - head.length()), java.nio.charset.StandardCharsets.UTF_8));
                            }
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "nnlab-sandbox-stderr");
            t.setDaemon(true);
            t.start();
        }

        private static void deleteQuietly(Path dir) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a socket file left in the temp folder
            }
        }

        /**
         * Starts the JVM with JDWP connecting back to a JDI listener, confined: JShell's
         * {@code JdiInitiator} does the same but cannot choose the new process's directory,
         * environment or launcher.
         */
        private VirtualMachine launch(int agentPort, List<String> vmOptions) throws Exception {
            ListeningConnector jdi = com.sun.jdi.Bootstrap.virtualMachineManager().listeningConnectors().stream()
                    .filter(c -> c.name().equals("com.sun.jdi.SocketListen")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("this JDK has no com.sun.jdi.SocketListen connector"));
            Map<String, Connector.Argument> args = jdi.defaultArguments();
            args.get("localAddress").setValue(InetAddress.getLoopbackAddress().getHostAddress());
            args.get("timeout").setValue(Integer.toString(LAUNCH_TIMEOUT_MILLIS));
            String address = jdi.startListening(args);
            try {
                List<String> cmd = javaCommand("-agentlib:jdwp=transport=dt_socket,address=" + address, vmOptions,
                        Integer.toString(agentPort));
                ProcessBuilder pb = new ProcessBuilder(confinement.command(cmd))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
                confinement.applyTo(pb);
                Process p = pb.start();
                process = p;
                // a JVM that dies at start (a bad option) ends the wait for its connection at once
                p.onExit().thenRun(() -> stopListening(jdi, args));
                return jdi.accept(args);
            } catch (Exception e) {
                Process p = process;
                if (p != null) {
                    p.destroyForcibly();
                }
                throw e;
            } finally {
                stopListening(jdi, args);
            }
        }

        private static void stopListening(ListeningConnector jdi, Map<String, Connector.Argument> args) {
            try {
                jdi.stopListening(args);
            } catch (IOException | IllegalConnectorArgumentsException | RuntimeException e) {
                // not listening any more
            }
        }
    }

    private final VirtualMachine vm;
    private final Process process;
    private final Object stopLock = new Object();
    private boolean running;
    private final CallChannel calls;

    private StudentJvm(ObjectOutput out, ObjectInput in, VirtualMachine vm, Process process, CallChannel calls) {
        super(out, in);
        this.vm = vm;
        this.process = process;
        this.calls = calls;
    }

    // While a cell calls into the kernel (eval, lineMagic), JShell's command channel waits for that cell's
    // snippet: what the kernel does for the call goes to the waiting snippet's thread through CallChannel.
    // (redefine needs no routing: it goes through JDI, which works while a snippet runs.)

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        if (!calls.routing()) {
            try (var t = Trace.span("jvm.load")) {
                super.load(cbcs);
            }
            return;
        }
        try {
            calls.load(cbcs);
        } catch (ClassInstallException | NotImplementedException | EngineTerminationException e) {
            throw e;
        } catch (ExecutionControlException e) {
            throw new ClassInstallException("the student JVM could not load the classes: " + e.getMessage(), new boolean[cbcs.length]);
        }
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        if (calls.routing()) {
            return routedRun(() -> calls.varValue(className, varName));
        }
        try (var t = Trace.span("jvm.varValue")) {
            return super.varValue(className, varName);
        }
    }

    @Override
    public void addToClasspath(String path) throws EngineTerminationException, InternalException {
        if (!calls.routing()) {
            super.addToClasspath(path);
            return;
        }
        try {
            calls.addToClasspath(path);
        } catch (EngineTerminationException | InternalException e) {
            throw e;
        } catch (ExecutionControlException e) {
            throw new InternalException(e.getMessage());
        }
    }

    private interface Routed {
        String run() throws ExecutionControlException;
    }

    private static String routedRun(Routed r) throws RunException, EngineTerminationException, InternalException {
        try {
            return r.run();
        } catch (RunException | EngineTerminationException | InternalException e) {
            throw e;
        } catch (ExecutionControlException e) {
            throw new InternalException(e.getMessage());
        }
    }

    @Override
    protected VirtualMachine vm() throws EngineTerminationException {
        if (!process.isAlive()) {
            throw new EngineTerminationException("the student JVM has ended");
        }
        return vm;
    }

    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
        if (calls.routing()) {
            return routedRun(() -> calls.invoke(className, methodName));
        }
        synchronized (stopLock) {
            running = true;
        }
        try (var t = Trace.span("jvm.invoke")) {
            return super.invoke(className, methodName);
        } finally {
            synchronized (stopLock) {
                running = false;
            }
        }
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, EngineTerminationException {
        try (var t = Trace.span("jvm.redefine")) {
            super.redefine(cbcs);
        }
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        synchronized (stopLock) {
            if (!running) {
                return;
            }
            VirtualMachine v = vm();
            v.suspend();
            try {
                List<ReferenceType> base = v.classesByName(AGENT_BASE);
                if (base.isEmpty()) {
                    return;
                }
                Field inClientCode = base.get(0).fieldByName("inClientCode");
                Field expectingStop = base.get(0).fieldByName("expectingStop");
                Field stopException = base.get(0).fieldByName("stopException");
                for (ThreadReference thread : v.allThreads()) {
                    ObjectReference agent = agentFrame(thread);
                    if (agent != null && ((BooleanValue) agent.getValue(inClientCode)).value()) {
                        agent.setValue(expectingStop, v.mirrorOf(true));
                        ObjectReference stop = (ObjectReference) agent.getValue(stopException);
                        v.resume();
                        thread.stop(stop);
                        agent.setValue(expectingStop, v.mirrorOf(false));
                        return;
                    }
                }
            } catch (IncompatibleThreadStateException | com.sun.jdi.InvalidTypeException | com.sun.jdi.ClassNotLoadedException e) {
                throw new InternalException("could not stop the running cell: " + e);
            } finally {
                v.resume();
            }
        }
    }

    /** The agent object whose {@code invoke} frame is on this thread's stack, or null. */
    private static ObjectReference agentFrame(ThreadReference thread) throws IncompatibleThreadStateException {
        for (StackFrame frame : thread.frames()) {
            String type = frame.location().declaringType().name();
            String method = frame.location().method().name();
            if ((type.equals(AGENT_BASE) || type.equals(RemoteAgent.class.getName())) && method.equals("invoke")
                    && frame.location().method().argumentTypeNames().size() == 1) {
                return frame.thisObject();
            }
        }
        return null;
    }

    @Override
    public void close() {
        super.close();
        try {
            vm.dispose();
        } catch (RuntimeException ignored) {
            // already gone
        }
        process.destroy();
    }
}
