package nnlab.kernel;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.spi.ClosedConnectionException;
import com.sun.jdi.connect.spi.Connection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Timer;
import java.util.TimerTask;
import nnlab.kernel.agent.ChannelStreams;

/**
 * JDWP over a Unix domain socket: the JDI {@link Connection} the kernel debugs a sandboxed student JVM through.
 *
 * <p>The JVM's JDWP agent listens on TCP inside the sandbox's own network namespace; socat there connects
 * it to the Unix socket this side listens on ({@link #listen}), in a folder bound into the sandbox. Packets
 * are JDWP's: a 4-byte big-endian length that counts itself, then the rest.
 *
 * <pre>{@code
 * ServerSocketChannel s = UnixJdwp.listen(dir.resolve("jdwp"));
 * VirtualMachine vm = UnixJdwp.attach(UnixJdwp.accept(s, 20_000));
 * }</pre>
 */
final class UnixJdwp extends Connection {
    private static final byte[] HANDSHAKE = "JDWP-Handshake".getBytes(StandardCharsets.US_ASCII);

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private final Object readLock = new Object();
    private final Object writeLock = new Object();

    private UnixJdwp(SocketChannel channel) {
        this.channel = channel;
        this.in = ChannelStreams.in(channel);
        this.out = ChannelStreams.out(channel);
    }

    /** A Unix socket listening at {@code path}. */
    static ServerSocketChannel listen(Path path) throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(path), 1);
        return s;
    }

    /** The first connection to {@code server}; it is closed (and this throws) after {@code millis}. */
    static SocketChannel accept(ServerSocketChannel server, long millis) throws IOException {
        Timer timer = new Timer("nnlab-accept-timeout", true);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                close(server);
            }
        }, millis);
        try {
            return server.accept();
        } finally {
            timer.cancel();
        }
    }

    static void close(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Shakes hands with the JVM's JDWP agent on {@code channel} and mirrors that JVM. */
    static VirtualMachine attach(SocketChannel channel) throws IOException {
        UnixJdwp c = new UnixJdwp(channel);
        c.out.write(HANDSHAKE);
        byte[] reply = c.in.readNBytes(HANDSHAKE.length);
        if (!Arrays.equals(reply, HANDSHAKE)) {
            c.close();
            throw new IOException("the student JVM's debugger connection did not answer JDWP's handshake (got "
                    + reply.length + " bytes)");
        }
        return Bootstrap.virtualMachineManager().createVirtualMachine(c);
    }

    @Override
    public byte[] readPacket() throws IOException {
        synchronized (readLock) {
            if (!channel.isOpen()) {
                throw new ClosedConnectionException();
            }
            byte[] head = in.readNBytes(4);
            if (head.length < 4) {
                return new byte[0];   // end of stream
            }
            int len = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
            if (len < 11) {
                throw new IOException("JDWP packet of length " + len + " (at least 11 expected)");
            }
            byte[] packet = Arrays.copyOf(head, len);
            if (in.readNBytes(packet, 4, len - 4) < len - 4) {
                return new byte[0];
            }
            return packet;
        }
    }

    @Override
    public void writePacket(byte[] packet) throws IOException {
        if (packet.length < 11) {
            throw new IllegalArgumentException("JDWP packet of " + packet.length + " bytes (at least 11 expected)");
        }
        synchronized (writeLock) {
            if (!channel.isOpen()) {
                throw new ClosedConnectionException();
            }
            out.write(packet);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }
}
