package io.jfrtrace.analyzer.jfr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** An InputStream over {@code [offset, offset + length)} of a file channel, buffered. */
final class ChannelRangeInputStream extends InputStream {
    private final FileChannel channel;
    private final long end;
    private long pos;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    ChannelRangeInputStream(FileChannel channel, long offset, long length) {
        this.channel = channel;
        this.pos = offset;
        this.end = offset + length;
        buffer.limit(0);
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer.get() & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        return n;
    }

    private boolean fill() throws IOException {
        if (buffer.hasRemaining()) {
            return true;
        }
        if (pos >= end) {
            return false;
        }
        buffer.clear();
        buffer.limit((int) Math.min(buffer.capacity(), end - pos));
        int n = channel.read(buffer, pos);
        if (n <= 0) {
            return false;
        }
        pos += n;
        buffer.flip();
        return true;
    }
}
