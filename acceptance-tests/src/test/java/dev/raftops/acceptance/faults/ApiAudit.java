package dev.raftops.acceptance.faults;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded API server's storage with an audit log: every request with the bearer token that
 * sent it (each controller process, each incarnation, has its own), the time it arrived
 * ({@link System#nanoTime()}) and the code it got. Controllers' requests pass {@link HttpFaults} first;
 * an {@link #exempt(String)} token's never do.
 */
public final class ApiAudit extends KubernetesCrudDispatcher {

    /** The token of a client that sent none: the simulated cluster, the test's own client. */
    public static final String NONE = "none";

    /** One request as the API server saw it. */
    public record Entry(long nanos, String token, String method, String path, int code, boolean injected) {

        /** A POST, PUT, PATCH or DELETE of anything but a Lease (the Lease is how processes compete). */
        public boolean write() {
            return isWrite(method) && !path.startsWith("/apis/coordination.k8s.io/");
        }

        public boolean succeeded() {
            return code >= 200 && code < 300;
        }

        @Override
        public String toString() {
            return token + " " + method + " " + path + " -> " + code + (injected ? " (injected)" : "");
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final java.util.Set<String> exempt = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final HttpFaults faults;

    public ApiAudit(HttpFaults faults) {
        this.faults = faults;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        long at = System.nanoTime();
        String token = token(request.getHeader("Authorization"));
        MockResponse injected = NONE.equals(token) || exempt.contains(token) ? null
                : faults.answer(request.getMethod(), request.getPath(), ApiAudit::isWrite);
        MockResponse response = injected != null ? injected : super.dispatch(request);
        synchronized (entries) {
            entries.add(new Entry(at, token, request.getMethod(), request.getPath(), response.code(),
                    injected != null));
        }
        return response;
    }

    /**
     * Requests sent with {@code token} are never refused: the token of the test's own client, which the
     * simulated cluster shares (the mock server's client sends one). Only the controllers meet faults.
     */
    public void exempt(String token) {
        if (token != null) {
            exempt.add(token);
        }
    }

    /** Every request so far, in arrival order. */
    public List<Entry> entries() {
        synchronized (entries) {
            return new ArrayList<>(entries);
        }
    }

    static boolean isWrite(String method) {
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method);
    }

    private static String token(String authorization) {
        return authorization == null || !authorization.startsWith("Bearer ") ? NONE
                : authorization.substring("Bearer ".length()).trim();
    }
}
