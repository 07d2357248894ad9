package io.versioned.bench.streaming;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The bytes {@code [offset, offset + length)} of a file as a stream, read in place (positional reads). */
final class FileSlice extends InputStream {

    private final FileChannel channel;
    private final long end;
    private long position;

    private FileSlice(FileChannel channel, long offset, long length) {
        this.channel = channel;
        this.position = offset;
        this.end = offset + length;
    }

    /**
     * Opens the slice; the caller closes it.
     *
     * @throws IOException if the file cannot be opened
     */
    static FileSlice open(Path file, long offset, long length) throws IOException {
        return new FileSlice(FileChannel.open(file, StandardOpenOption.READ), offset, length);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int wanted = (int) Math.min(length, end - position);
        int count = channel.read(ByteBuffer.wrap(buffer, offset, wanted), position);
        if (count < 0) {
            throw new IOException("the file ended at " + position + ", before the slice's end at " + end);
        }
        position += count;
        return count;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
