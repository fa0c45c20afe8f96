package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.MemberState;
import dev.raftops.domain.resource.TlsSpec;
import dev.raftops.ports.driven.MemberProbe;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link MemberProbe} on the JDK HTTP client: for every pod at once, the unauthenticated
 * {@code GET /v1/sys/health}, then (when the pod is unsealed and initialised) {@code GET /v1/sys/leader},
 * whose {@code is_self} says who leads. When more than one pod claims leadership, those are asked
 * {@code sys/leader} once more: answers taken one after another can straddle a change of leader.
 * No token is sent; TLS trusts the CA of {@code spec.tls.caConfigMap} ({@link ProbeTrust}). One
 * semaphore bounds the requests in flight for the whole controller; each request has the settings'
 * timeout, after which the pod is unknown.
 *
 * <p>OpenBao facts (openbao/openbao, internal/http/sys_health.go): health answers 200 for the active
 * node, 429 for a standby, 473 for a performance standby, 501 when not initialised, 503 when sealed,
 * with {@code version} in the body. internal/vault/logical_system.go {@code LeaderResponse}:
 * {@code is_self}, {@code raft_committed_index} and {@code raft_applied_index} are {@code omitempty},
 * so an absent field in a 200 answer is false or 0.
 */
final class HttpMemberProbe implements MemberProbe {

    /** Requests in flight for the whole controller. */
    static final int MAX_IN_FLIGHT = 16;

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final ProbeTrust trust;
    private final AdapterSettings settings;
    private final Clock clock;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicLong requests = new AtomicLong();
    /** The pods' probes run side by side here (not on the common pool, which a 2-core machine makes serial). */
    private final java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(
            MAX_IN_FLIGHT, r -> {
                Thread t = new Thread(r, "raftops-member-probe-worker");
                t.setDaemon(true);
                return t;
            });

    HttpMemberProbe(ProbeTrust trust, AdapterSettings settings, Clock clock) {
        this.trust = trust;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Map<String, MemberState> probe(ClusterKey cluster, List<String> pods, TlsSpec tls) {
        Instant at = clock.instant();
        Map<String, MemberState> out = new LinkedHashMap<>();
        HttpClient client;
        try {
            client = trust.client(cluster, tls);
        } catch (RuntimeException e) {
            pods.forEach(p -> out.put(p, MemberState.failed(at, e.getMessage())));
            return out;
        }
        Map<String, CompletableFuture<MemberState>> running = new LinkedHashMap<>();
        for (String pod : pods) {
            URI base = settings.podAddress().base(cluster, pod, tls.disabled());
            running.put(pod, CompletableFuture.supplyAsync(() -> member(client, base, at), workers));
        }
        long budget = settings.probeTimeout().toMillis() * 3;
        running.forEach((pod, f) -> out.put(pod, answer(f, at, budget)));
        List<String> claimants = out.entrySet().stream().filter(e -> e.getValue().leading()).map(Map.Entry::getKey)
                .toList();
        if (claimants.size() > 1) {
            // the pods answer one after another: leadership that moved between two answers (a step-down, an
            // election) looks like two leaders. Those who claimed it are asked again; one that still does leads.
            Map<String, CompletableFuture<MemberState>> again = new LinkedHashMap<>();
            claimants.forEach(pod -> again.put(pod, CompletableFuture.supplyAsync(
                    () -> stillLeading(client, settings.podAddress().base(cluster, pod, tls.disabled()), out.get(pod)),
                    workers)));
            again.forEach((pod, f) -> out.put(pod, answer(f, at, budget)));
        }
        return out;
    }

    private static MemberState answer(CompletableFuture<MemberState> f, Instant at, long budget) {
        try {
            return f.get(budget, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return MemberState.failed(at, "no answer within " + budget + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MemberState.failed(at, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return MemberState.failed(at, describe(e.getCause()));
        }
    }

    /** {@code first} with the leadership {@code sys/leader} reports now. */
    private MemberState stillLeading(HttpClient client, URI base, MemberState first) {
        HttpResponse<String> leader = get(client, base, "sys/leader");
        if (leader.statusCode() != 200) {
            return MemberState.failed(first.probedAt(), "sys/leader answered HTTP " + leader.statusCode());
        }
        boolean leading = Boolean.TRUE.equals(parse(leader.body()).get("is_self"));
        return new MemberState(first.answered(), leading, first.sealed(), first.initialized(), first.version(),
                first.appliedIndex(), first.committedIndex(), first.probedAt(), first.error());
    }

    /** HTTP requests sent so far (for the measurements in docs/performance.md). */
    long requests() {
        return requests.get();
    }

    private MemberState member(HttpClient client, URI base, Instant at) {
        HttpResponse<String> health = get(client, base, "sys/health");
        int code = health.statusCode();
        Map<?, ?> h = parse(health.body());
        String version = h.get("version") instanceof String v ? v : null;
        switch (code) {
            case 501:
                return new MemberState(true, false, !Boolean.FALSE.equals(h.get("sealed")), false, version, null, null, at, null);
            case 503:
                return new MemberState(true, false, true, true, version, null, null, at, null);
            case 200, 429, 473:
                break;
            default:
                return MemberState.failed(at, "sys/health answered HTTP " + code);
        }
        HttpResponse<String> leader = get(client, base, "sys/leader");
        if (leader.statusCode() != 200) {
            return MemberState.failed(at, "sys/leader answered HTTP " + leader.statusCode());
        }
        Map<?, ?> l = parse(leader.body());
        // the later of the two answers decides: health 200 may predate a step-down that sys/leader already shows
        boolean leading = Boolean.TRUE.equals(l.get("is_self"));
        return new MemberState(true, leading, false, true, version, index(l, "raft_applied_index"),
                index(l, "raft_committed_index"), at, null);
    }

    private HttpResponse<String> get(HttpClient client, URI base, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/" + path)).timeout(settings.probeTimeout())
                .GET().build();
        try {
            if (!inFlight.tryAcquire(settings.probeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CompletionException(new java.io.IOException("too many probes in flight"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
        try {
            requests.incrementAndGet();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new CompletionException(path + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } finally {
            inFlight.release();
        }
    }

    private static Map<?, ?> parse(String body) {
        try {
            Object value = body == null || body.isBlank() ? null : JSON.unmarshal(body, Map.class);
            return value instanceof Map<?, ?> m ? m : Map.of();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** An omitted index is 0 (omitempty); a value that is no number is unknown. */
    private static Long index(Map<?, ?> body, String field) {
        Object value = body.get(field);
        return value == null ? Long.valueOf(0) : value instanceof Number n ? Long.valueOf(n.longValue()) : null;
    }

    /** One line: the exception's kind and message, without a stack trace. */
    static String describe(Throwable e) {
        if (e instanceof CompletionException && e.getMessage() != null && e.getCause() != null) {
            return e.getMessage();
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
