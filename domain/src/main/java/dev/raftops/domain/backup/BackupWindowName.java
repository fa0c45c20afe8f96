package dev.raftops.domain.backup;

import dev.raftops.domain.decision.JobRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Backup Job names: {@code <cluster>-backup-<yyyyMMdd-HHmmss>}, the window in UTC. One window, one
 * name, so "already exists" means "this window already ran", also across controller restarts.
 *
 * <p>When the cluster name is too long for the 63-character limit, the cluster part is shortened
 * to a readable prefix plus a 10-hex hash of the full name; the timestamp is never cut, so a person
 * can still read the window off the Job.
 */
public final class BackupWindowName {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String INFIX = "-backup-";
    private static final int HASH_LENGTH = 10;

    private BackupWindowName() {
    }

    /** The Job name of {@code cluster}'s run for {@code window}, at most 63 characters. */
    public static String of(String cluster, Instant window) {
        String suffix = INFIX + STAMP.format(window);
        if (cluster.length() + suffix.length() <= JobRequest.MAX_NAME_LENGTH) {
            return cluster + suffix;
        }
        String hash = hash(cluster);
        int room = JobRequest.MAX_NAME_LENGTH - suffix.length() - HASH_LENGTH - 1;
        String prefix = cluster.substring(0, room);
        while (prefix.endsWith("-") || prefix.endsWith(".")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix + "-" + hash + suffix;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
