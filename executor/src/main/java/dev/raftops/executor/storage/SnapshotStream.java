package dev.raftops.executor.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A snapshot body read once: SHA-256 and byte count computed on the way, nothing kept. */
public final class SnapshotStream extends FilterInputStream {

    /** OpenBao snapshots are gzip'd tar archives: they start with {@code 1f 8b} (RFC 1952 §2.3.1). */
    public static final int GZIP_ID1 = 0x1f;
    public static final int GZIP_ID2 = 0x8b;

    private final MessageDigest sha256;
    private long bytes;

    public SnapshotStream(InputStream in) {
        super(in);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            sha256.update((byte) b);
            bytes++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            sha256.update(buffer, offset, n);
            bytes += n;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("a snapshot is read whole");
    }

    public long bytes() {
        return bytes;
    }

    /** The hex SHA-256 of everything read; call once, at the end. */
    public String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    public static boolean gzip(byte[] start, int length) {
        return length >= 2 && (start[0] & 0xff) == GZIP_ID1 && (start[1] & 0xff) == GZIP_ID2;
    }
}
