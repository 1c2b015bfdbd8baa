package nnlab.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.dflib.jjava.jupyter.channels.HeartbeatChannel;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * The Jupyter connection with shell and control channels that read each request as it arrives ({@link PromptShellChannel}).
 *
 * <p>JJava's {@link JupyterConnection} sleeps 50 ms between polls of the shell socket, which adds 25 ms on average to
 * every request; a notebook round trip of {@code 1 + 1} should stay well under 50 ms. This subclass binds its own
 * channels and leaves the parent's unbound ones idle.
 *
 * <pre>{@code
 * FastConnection c = new FastConnection(KernelConnectionProperties.parse(json));
 * kernel.becomeHandlerForConnection(c);
 * c.connect();
 * }</pre>
 */
final class FastConnection extends JupyterConnection {
    private final KernelConnectionProperties props;
    private final ZMQ.Context zmq = ZMQ.context(1);
    private final HeartbeatChannel heartbeat;
    private final ShellChannel shell;
    private final ShellChannel control;
    private final StdinChannel stdin;
    private final IOPubChannel iopub;

    FastConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        HMACGenerator hmac = props.createHMACGenerator();
        heartbeat = new HeartbeatChannel(zmq, hmac);
        shell = new PromptShellChannel(zmq, hmac, false, this);
        control = new PromptShellChannel(zmq, hmac, true, this);
        stdin = new StdinChannel(zmq, hmac);
        iopub = new IOPubChannel(zmq, hmac);
    }

    private List<JupyterSocket> sockets() {
        return List.of(heartbeat, shell, control, stdin, iopub);
    }

    @Override
    public void connect() {
        sockets().forEach(s -> s.bind(props));
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public IOPubChannel getIOPub() {
        return iopub;
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel channel, MessageContext context) {
        return new ShellReplyEnvironment(channel, stdin, iopub, context) { };
    }

    @Override
    public void close() {
        sockets().forEach(JupyterSocket::close);
        zmq.close();
        super.close();
    }

    @Override
    public void waitUntilClose() {
        sockets().forEach(JupyterSocket::waitUntilClose);
    }
}
