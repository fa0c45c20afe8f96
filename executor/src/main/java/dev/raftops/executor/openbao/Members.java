package dev.raftops.executor.openbao;

import dev.raftops.executor.ActionFailure;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The pods an action concerns ({@code RAFTOPS_PODS}) and how to reach each: {@code RAFTOPS_POD_ADDRESS}
 * with {@code {pod}}, {@code {service}} and {@code {namespace}} filled in gives a pod's base URL; the
 * API is under {@code /v1/} below it. Also the one judge of where a redirect may lead: only to a
 * member's base URL.
 */
public record Members(List<String> pods, String addressTemplate, String service, String namespace) {

    public static final String DEFAULT_ADDRESS = "https://{pod}.{service}.{namespace}.svc:8200";

    public Members {
        pods = List.copyOf(pods);
        if (pods.isEmpty()) {
            throw ActionFailure.refused("RAFTOPS_PODS names no pod");
        }
        if (!addressTemplate.contains("{pod}")) {
            throw ActionFailure.refused("RAFTOPS_POD_ADDRESS must contain {pod}, got \"" + addressTemplate + "\"");
        }
    }

    public static List<String> parse(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The pod's base URL, without a trailing slash. */
    public String base(String pod) {
        String url = addressTemplate.replace("{pod}", pod).replace("{service}", service).replace("{namespace}", namespace);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public URI api(String pod, String path) {
        try {
            return URI.create(base(pod) + "/v1/" + path);
        } catch (IllegalArgumentException e) {
            throw ActionFailure.refused("RAFTOPS_POD_ADDRESS gives no valid URL for pod " + pod + ": " + e.getMessage());
        }
    }

    /** The member whose base URL {@code location} is below (same scheme, host, port and path prefix). */
    public Optional<String> memberAt(URI location) {
        for (String pod : pods) {
            URI base = URI.create(base(pod) + "/");
            if (same(base.getScheme(), location.getScheme()) && same(base.getHost(), location.getHost())
                    && port(base) == port(location) && location.getPath() != null
                    && location.getPath().startsWith(base.getPath())) {
                return Optional.of(pod);
            }
        }
        return Optional.empty();
    }

    /** Members that are pods of {@code statefulSet} (a colour's pods). */
    public List<String> of(String statefulSet) {
        return pods.stream().filter(p -> podOf(p, statefulSet)).toList();
    }

    /**
     * Whether {@code pod} is {@code <statefulSet>-<ordinal>}: a prefix alone is not enough, since an adopted
     * Blue {@code db} is a prefix of its Green {@code db-<revision>}'s pods.
     */
    public static boolean podOf(String pod, String statefulSet) {
        return pod != null && pod.startsWith(statefulSet + "-")
                && pod.substring(statefulSet.length() + 1).matches("[0-9]{1,9}");
    }

    private static boolean same(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
