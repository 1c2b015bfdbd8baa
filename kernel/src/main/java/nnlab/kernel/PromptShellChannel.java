package nnlab.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that reads each request the moment it arrives.
 *
 * <p>JJava's {@link ShellChannel} polls its socket without waiting and then sleeps a fixed time, after every request
 * as well as when idle: a request waited half that time on average before it was read, and each request of a Run All
 * (Jupyter sends them all at once) the whole time after the one before. With the 10 ms sleep the kernel used, a
 * trivial cell's {@code busy} status came 11-14 ms after the request (ipykernel's: 2-3 ms). This channel blocks in
 * ZeroMQ's poll instead, which returns as soon as a message is there; the timeout ({@value #WAKE_MILLIS} ms) only
 * bounds how long a closed channel's thread lives on. Requests are handled on that thread, one at a time, as in JJava.
 *
 * <pre>{@code
 * ShellChannel shell = new PromptShellChannel(zmq, hmac, false, connection);
 * shell.bind(props);   // binds the shell port and starts serving
 * }</pre>
 */
final class PromptShellChannel extends ShellChannel {
    static final long WAKE_MILLIS = 200;

    private final boolean control;
    private final JupyterConnection connection;
    private volatile Thread loop;
    private volatile boolean running;

    PromptShellChannel(ZMQ.Context zmq, HMACGenerator hmac, boolean control, JupyterConnection connection) {
        super(zmq, hmac, control, connection, WAKE_MILLIS);
        this.control = control;
        this.connection = connection;
    }

    @Override
    public synchronized void bind(KernelConnectionProperties props) {
        if (loop != null) {
            throw new IllegalStateException((control ? "control" : "shell") + " channel already bound");
        }
        String address = formatAddress(props.getTransport(), props.getIp(), control ? props.getControlPort() : props.getShellPort());
        if (!bind(address)) {
            throw new IllegalStateException("could not bind the " + (control ? "control" : "shell") + " channel to " + address);
        }
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        Thread t = new Thread(() -> serve(poller), control ? "nnlab-control-channel" : "nnlab-shell-channel");
        loop = t;
        t.start();
    }

    private void serve(ZMQ.Poller poller) {
        while (running) {
            int ready;
            try {
                ready = poller.poll(WAKE_MILLIS);
            } catch (RuntimeException e) {
                if (!running || closed) {
                    return;
                }
                logger.warn("polling the {} channel failed: {}", control ? "control" : "shell", e.toString());
                continue;
            }
            if (ready > 0 && running) {
                handle(readMessage());
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(Message<?> message) {
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            logger.warn("Unhandled message: {}", message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            logger.warn("Unhandled exception handling {}. {} - {}", message.getHeader().getType().getName(),
                    e.getClass().getSimpleName(), e.getLocalizedMessage());
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }

    @Override
    public void close() {
        running = false;
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread t = loop;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
