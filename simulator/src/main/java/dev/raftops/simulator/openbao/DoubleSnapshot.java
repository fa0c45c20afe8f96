package dev.raftops.simulator.openbao;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The double's snapshot body: a gzip stream (as OpenBao's, which is a gzip'd tar archive) holding a
 * header line with the Raft index and term it was taken at, then seeded filler up to the asked
 * size. Written as it is generated, so any size streams in constant memory. Stored (uncompressed)
 * deflate blocks keep the generation cheap and the body as large as asked.
 */
public final class DoubleSnapshot {

    private DoubleSnapshot() {
    }

    /** Writes about {@code size} bytes; stops and throws after {@code cutAfter} bytes when that is positive. */
    public static void write(OutputStream out, long size, long index, long term, long cutAfter) throws IOException {
        byte[] block = new byte[64 * 1024];
        new SplittableRandom(index * 31 + term).nextBytes(block);
        CountingStream counted = new CountingStream(out, cutAfter);
        GZIPOutputStream gzip = new GZIPOutputStream(counted, 64 * 1024) {
            {
                def.setLevel(Deflater.NO_COMPRESSION);
            }
        };
        gzip.write(("raftops-openbao-double snapshot index=" + index + " term=" + term + "\n").getBytes(StandardCharsets.US_ASCII));
        long left = size;
        while (left > 0) {
            int n = (int) Math.min(block.length, left);
            gzip.write(block, 0, n);
            left -= n;
        }
        gzip.finish();
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        private final long cutAfter;
        private long written;

        CountingStream(OutputStream out, long cutAfter) {
            this.out = out;
            this.cutAfter = cutAfter;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (cutAfter > 0 && written + len > cutAfter) {
                out.flush();
                throw new IOException("snapshot stream cut after " + written + " bytes (fault injected)");
            }
            out.write(b, off, len);
            written += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
