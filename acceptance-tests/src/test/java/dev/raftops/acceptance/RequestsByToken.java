package dev.raftops.acceptance;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.TreeMap;

/**
 * The embedded API server's storage, telling apart the clients by their bearer token (each
 * {@code raftops run} process gets its own kubeconfig user), and counting per token its requests
 * and its writes. A write is a POST, PUT, PATCH or DELETE of anything but a Lease: the Lease is how
 * the processes compete, so a standby renewing its attempt is not a write. Events are writes.
 */
final class RequestsByToken extends KubernetesCrudDispatcher {

    /** The requests of a client that sent no token (the simulated cluster, the test's own client). */
    static final String NONE = "none";

    private final Map<String, Integer> requests = new TreeMap<>();
    private final Map<String, Integer> writes = new TreeMap<>();
    private final Map<String, String> firstWrite = new TreeMap<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String token = token(request.getHeader("Authorization"));
        synchronized (this) {
            requests.merge(token, 1, Integer::sum);
            if (isWrite(request)) {
                writes.merge(token, 1, Integer::sum);
                firstWrite.putIfAbsent(token, request.getMethod() + " " + request.getPath());
            }
        }
        return super.dispatch(request);
    }

    private static String token(String authorization) {
        return authorization == null || !authorization.startsWith("Bearer ") ? NONE
                : authorization.substring("Bearer ".length()).trim();
    }

    private static boolean isWrite(RecordedRequest request) {
        String method = request.getMethod();
        boolean changes = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)
                || "DELETE".equals(method);
        return changes && !request.getPath().startsWith("/apis/coordination.k8s.io/");
    }

    synchronized int requests(String token) {
        return requests.getOrDefault(token, 0);
    }

    synchronized int writes(String token) {
        return writes.getOrDefault(token, 0);
    }

    /** The first write of {@code token} ("PATCH /apis/..."), or null: what a failure message shows. */
    synchronized String firstWrite(String token) {
        return firstWrite.get(token);
    }
}
