package dev.raftops.domain.resource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The revision of a blue/green workload: a stable, short hash of what the pods run (version,
 * image, replicas). Blue is the StatefulSet {@code <cluster>-<blueRevision>}, Green
 * {@code <cluster>-<greenRevision>}; pods carry {@code raftops.dev/revision} and the client
 * Services select on it.
 */
public final class Revision {

    /** Hex characters in a revision. */
    public static final int LENGTH = 16;

    /** The pod label the client Services select on. */
    public static final String LABEL = "raftops.dev/revision";

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{" + LENGTH + "}");

    private Revision() {
    }

    /**
     * The revision of (version, image, replicas). Each field is written with its name and a line
     * end, so "1.2" + "3" can never hash like "1.23" + "".
     *
     * @param image null means the controller's default image and hashes like an empty string
     */
    public static String of(String version, String image, int replicas) {
        String text = "raftops revision\nversion:" + nullToEmpty(version) + "\nimage:" + nullToEmpty(image)
                + "\nreplicas:" + replicas + "\n";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The StatefulSet name of {@code revision} in {@code cluster}. */
    public static String statefulSet(String cluster, String revision) {
        return cluster + "-" + revision;
    }

    /** The revision a StatefulSet name carries, or null when it is not a blue/green workload of {@code cluster}. */
    public static String fromStatefulSet(String cluster, String statefulSet) {
        String prefix = cluster + "-";
        if (statefulSet == null || !statefulSet.startsWith(prefix)) {
            return null;
        }
        String rest = statefulSet.substring(prefix.length());
        return SHAPE.matcher(rest).matches() ? rest : null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
