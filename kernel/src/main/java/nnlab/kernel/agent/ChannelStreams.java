package nnlab.kernel.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Blocking streams over a channel (a Unix domain socket) that, like a socket's streams, ignore thread interrupts.
 *
 * <p>A channel is closed when a thread blocked on it, or starting to use it, is interrupted. JShell's
 * evaluating thread gets interrupted (the stop button, timeouts), and a snippet may leave its thread's
 * interrupt flag set: on a bare channel either would cut the connection to the student JVM. So reads happen
 * on a daemon thread of their own that nobody interrupts, and a write runs with the caller's interrupt flag
 * cleared and set again afterwards. {@code Channels.newInputStream} would also hold the channel's lock while
 * it reads, blocking every writer; these streams let one thread read while another writes.
 *
 * <pre>{@code
 * SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path));
 * InputStream in = ChannelStreams.in(ch);  OutputStream out = ChannelStreams.out(ch);
 * }</pre>
 */
public final class ChannelStreams {
    private static final byte[] END = new byte[0];

    private ChannelStreams() {
    }

    /** Reads from {@code ch} (blocking; -1 at its end); closing the stream closes the channel. */
    public static InputStream in(ByteChannel ch) {
        BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            try {
                while (ch.read(buf.clear()) >= 0) {
                    chunks.add(Arrays.copyOf(buf.array(), buf.position()));
                }
            } catch (IOException e) {
                // closed: the end of the stream
            } finally {
                chunks.add(END);
            }
        }, "nnlab-channel-reader");
        pump.setDaemon(true);
        pump.start();
        return new InputStream() {
            private byte[] chunk = new byte[0];
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                while (at == chunk.length) {
                    if (chunk == END) {
                        return -1;
                    }
                    chunk = takeIgnoringInterrupts(chunks);
                    at = 0;
                }
                int n = Math.min(len, chunk.length - at);
                System.arraycopy(chunk, at, b, off, n);
                at += n;
                return n;
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    private static byte[] takeIgnoringInterrupts(BlockingQueue<byte[]> chunks) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    byte[] c = chunks.take();
                    if (c == END) {
                        chunks.add(END);   // every later read sees the end too
                    }
                    return c;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes every byte to {@code ch} before returning; closing the stream closes the channel. */
    public static OutputStream out(ByteChannel ch) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) throws IOException {
                boolean interrupted = Thread.interrupted();
                try {
                    ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }
}
