package dev.raftops.domain.decision;

import dev.raftops.domain.resource.ExecutorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Deterministic executor Job names: the same (cluster, action, identity parts) always give the same
 * name, so "already exists" means "already started", and a new attempt (a new part) a new name.
 * Names stay within the 63-character DNS label limit; a long name keeps a readable prefix and a
 * 10-hex hash of the full identity.
 */
public final class JobNames {

    // compiled once: names are computed on every pass that may create a Job
    private static final Pattern NOT_LABEL = Pattern.compile("[^a-z0-9-]");
    private static final Pattern DASH_RUNS = Pattern.compile("-+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-|-$");

    private JobNames() {
    }

    public static String of(String cluster, ExecutorAction action, Object... parts) {
        StringBuilder name = new StringBuilder(cluster).append('-').append(action.wireName());
        for (Object part : parts) {
            name.append('-').append(part);
        }
        String raw = name.toString();
        String full = sanitize(raw);
        // a rewritten name (dots, capitals) could meet another cluster's: the hash of the original keeps them apart
        boolean rewritten = !full.equals(raw);
        if (!rewritten && full.length() <= JobRequest.MAX_NAME_LENGTH) {
            return full;
        }
        String hash = hash(raw);
        if (full.length() + hash.length() + 1 <= JobRequest.MAX_NAME_LENGTH) {
            return full + "-" + hash;
        }
        String prefix = full.substring(0, JobRequest.MAX_NAME_LENGTH - hash.length() - 1);
        while (prefix.endsWith("-")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix + "-" + hash;
    }

    private static String sanitize(String raw) {
        String lower = NOT_LABEL.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll("-");
        return EDGE_DASHES.matcher(DASH_RUNS.matcher(lower).replaceAll("-")).replaceAll("");
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
