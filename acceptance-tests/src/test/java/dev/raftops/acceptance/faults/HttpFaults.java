package dev.raftops.acceptance.faults;

import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * What the API server answers instead of the truth, for the controllers' requests only (the
 * simulated cluster and the test's own client are never refused): a seeded share of requests get
 * 500, 503 or 429 with {@code Retry-After}, and a burst of the next writes gets 409 Conflict.
 */
public final class HttpFaults {

    private final Random random;
    private double share;
    private List<Integer> codes = List.of();
    private int conflictBurst;
    private int injected;

    public HttpFaults(long seed) {
        this.random = new Random(seed);
    }

    /** From now on {@code share} of the controllers' requests (watches included) are answered with one of {@code codes}. */
    public synchronized void refuse(double share, List<Integer> codes) {
        this.share = share;
        this.codes = List.copyOf(codes);
    }

    /** The next {@code writes} writes (not Lease renewals) are answered 409 Conflict. */
    public synchronized void conflicts(int writes) {
        this.conflictBurst = writes;
    }

    /** Answers truthfully from now on. */
    public synchronized void clear() {
        share = 0;
        conflictBurst = 0;
    }

    /** How many answers were injected so far. */
    public synchronized int injected() {
        return injected;
    }

    /** The injected answer to a controller's request, or null to let the API server answer. */
    synchronized MockResponse answer(String method, String path, Predicate<String> isWrite) {
        if (conflictBurst > 0 && isWrite.test(method) && !path.startsWith("/apis/coordination.k8s.io/")) {
            conflictBurst--;
            injected++;
            return status(409, "Conflict", "the object has been modified; please apply your changes to the latest "
                    + "version and try again");
        }
        if (share > 0 && !codes.isEmpty() && random.nextDouble() < share) {
            int code = codes.get(random.nextInt(codes.size()));
            injected++;
            MockResponse response = status(code, code == 429 ? "TooManyRequests" : code == 503 ? "ServiceUnavailable"
                    : "InternalError", "injected by the fault test");
            return code == 429 || code == 503 ? response.setHeader("Retry-After", "1") : response;
        }
        return null;
    }

    /** A Kubernetes {@code Status} body, as the API server sends with an error. */
    private static MockResponse status(int code, String reason, String message) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                        + "\"message\":\"" + message + "\",\"reason\":\"" + reason + "\",\"code\":" + code + "}");
    }
}
