package dev.raftops.executor.storage;

import dev.raftops.executor.ActionFailure;
import dev.raftops.executor.Environment;
import java.net.URI;
import java.util.Optional;

/**
 * Where snapshots go: {@code RAFTOPS_TARGET_BUCKET}, {@code _PREFIX}, {@code _REGION}, and for
 * S3-compatible stores (MinIO, Ceph) {@code _ENDPOINT} and {@code _PATH_STYLE}. Credentials are the
 * AWS SDK's default chain (variables from a Secret, or web identity), never the controller's.
 */
public record StorageTarget(String bucket, String prefix, String region, Optional<URI> endpoint, boolean pathStyle) {

    public static final String DEFAULT_REGION = "us-east-1";

    public static StorageTarget from(Environment env) {
        String bucket = env.required("RAFTOPS_TARGET_BUCKET");
        Optional<URI> endpoint = env.optional("RAFTOPS_TARGET_ENDPOINT").map(StorageTarget::uri);
        // the domain's pre-upgrade Job spells spec.backup.target's pathStyle without the underscore
        boolean pathStyle = env.flag("RAFTOPS_TARGET_PATH_STYLE", false);
        return new StorageTarget(bucket, trim(env.optional("RAFTOPS_TARGET_PREFIX", "")),
                env.optional("RAFTOPS_TARGET_REGION", DEFAULT_REGION), endpoint, pathStyle);
    }

    private static URI uri(String raw) {
        try {
            URI uri = URI.create(raw);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw ActionFailure.refused("RAFTOPS_TARGET_ENDPOINT is not a URL: \"" + raw + "\"");
        }
    }

    private static String trim(String prefix) {
        String p = prefix;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
