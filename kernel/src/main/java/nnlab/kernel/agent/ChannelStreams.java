package nnlab.kernel.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * Blocking streams over a channel (a Unix domain socket), readable and writable from two threads at once.
 *
 * <p>{@code java.nio.channels.Channels.newInputStream} holds the channel's blocking lock while it reads,
 * so a thread writing at the same time would wait for the read to end; these streams call the channel
 * directly, which lets a reader and a writer run together, as a socket's own streams do.
 *
 * <pre>{@code
 * SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path));
 * InputStream in = ChannelStreams.in(ch);  OutputStream out = ChannelStreams.out(ch);
 * }</pre>
 */
public final class ChannelStreams {
    private ChannelStreams() {
    }

    /** Reads from {@code ch} (blocking; -1 at its end); closing the stream closes the channel. */
    public static InputStream in(ByteChannel ch) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : ch.read(ByteBuffer.wrap(b, off, len));
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    /** Writes every byte to {@code ch} before returning; closing the stream closes the channel. */
    public static OutputStream out(ByteChannel ch) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }
}
