package nnlab.kernel.agent;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

/**
 * JShell's remote agent with Nagle's algorithm switched off on its socket.
 *
 * <p>JShell's own agent leaves TCP_NODELAY off, so every small reply waits for a delayed ACK and
 * a trivial cell like {@code 1 + 1} takes several times 40 ms. This agent is started instead
 * (engine parameter {@code remoteAgent}); it does what {@link RemoteExecutionControl#main} does,
 * with {@code setTcpNoDelay(true)}. {@link #invoke(Method)} and {@link #varValue} are overridden
 * so that their frames carry this class's name: JShell's stop button finds the running
 * snippet by that name over JDI; {@link #invoke(Method)} also renders a cell's last value ({@link #RENDER_NEXT}). A snippet run from inside a running one ({@code eval}, {@link KernelCalls})
 * keeps the outer one "in client code", so the stop button still finds it afterwards.
 *
 * <pre>{@code
 * JShell.builder().executionEngine("jdi:hostname(127.0.0.1),remoteAgent(nnlab.kernel.agent.RemoteAgent)")
 * }</pre>
 */
public final class RemoteAgent extends RemoteExecutionControl {

    /**
     * Connects back to JShell on {@code args[0]}: a port on the loopback address, or {@code unix:PATH}, a Unix
     * socket (the sandbox, which has no loopback link to the kernel); then serves commands.
     */
    public static void main(String[] args) throws Exception {
        InputStream in;
        OutputStream out;
        if (args[0].startsWith("unix:")) {
            SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(args[0].substring(5)));
            in = ChannelStreams.in(ch);
            out = ChannelStreams.out(ch);
        } else {
            Socket socket = new Socket((String) null, Integer.parseInt(args[0]));
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }
        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        outputs.put("out", st -> System.setOut(new PrintStream(st, true, StandardCharsets.UTF_8)));
        outputs.put("err", st -> System.setErr(new PrintStream(st, true, StandardCharsets.UTF_8)));
        Map<String, Consumer<InputStream>> inputs = new HashMap<>();
        inputs.put("in", System::setIn);
        // eval, lineMagic and cellMagic: calls to the kernel and its commands back, while a cell runs (KernelCalls)
        outputs.put("nnlab-call", st -> KernelCalls.callOut = st);
        inputs.put("nnlab-reply", st -> KernelCalls.replyIn = st);
        RemoteAgent agent = new RemoteAgent();
        KernelCalls.agent = agent;
        Util.forwardExecutionControlAndIO(agent, in, out, outputs, inputs);
    }

    /** Snippets running inside a snippet ({@code eval} from a cell): only the outermost one enters and leaves client code. */
    private int depth;

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        Warmup.command();
        super.load(cbcs);
    }

    /** The extension command that asks for the next snippet's value to be rendered as it is computed ({@code false}: not). */
    public static final String RENDER_NEXT = "nnlab.renderNext";

    /** Set by {@link #RENDER_NEXT}; the next snippet run renders its value and clears it. */
    private boolean renderNext;

    @Override
    public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException, InternalException {
        if (RENDER_NEXT.equals(command)) {
            renderNext = !Boolean.FALSE.equals(arg);      // false: the snippet did not run after all (a compile error)
            return null;
        }
        return super.extensionCommand(command, arg);
    }

    /**
     * Runs a snippet. When the kernel asked for it ({@link #RENDER_NEXT}: the cell's last snippet) and the snippet is
     * an expression, its value is rendered here and sent as a result frame before the snippet returns. The rendering is then part of
     * the snippet's run (the stop button and the timeout reach it as they reach the snippet), and the kernel need not
     * compile a second snippet to render it: that cost 12-20 ms a cell. What the rendering throws is the snippet's
     * exception, as the separate rendering's was the cell's.
     */
    @Override
    protected String invoke(Method doitMethod) throws Exception {
        boolean render = renderNext && depth == 1;
        if (depth == 1) {
            renderNext = false;
        }
        Object value = doitMethod.invoke(null);
        if (render && value != null && !(value instanceof PrintStream) && isExpression(doitMethod.getDeclaringClass())) {
            try {
                Agent.result(value);
            } catch (Throwable e) {
                throw new java.lang.reflect.InvocationTargetException(e);
            }
        }
        return valueString(value);
    }

    /**
     * Whether JShell's wrapper class {@code c} is an expression's: it declares no static field but its temporary
     * variable ({@code $12}); a variable declaration's wrapper holds the variable ({@code map}), whose value is not
     * shown.
     */
    private static boolean isExpression(Class<?> c) {
        for (java.lang.reflect.Field f : c.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && !f.getName().startsWith("$")) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void clientCodeEnter() {
        if (depth++ == 0) {
            Warmup.activity(true);
            super.clientCodeEnter();
        }
    }

    @Override
    protected void clientCodeLeave() throws InternalException {
        if (--depth == 0) {
            Warmup.activity(false);
            super.clientCodeLeave();
        }
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        if (depth > 1) {
            KernelCalls.thrown = cause;     // eval(...) rethrows what its code threw, as it is
        }
        return super.throwConvertedInvocationException(cause);
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        return super.varValue(className, varName);
    }
}
