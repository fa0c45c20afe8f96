package dev.raftops.benchmarks.endtoend;

import dev.raftops.benchmarks.endtoend.ApiRequest.Actor;
import dev.raftops.benchmarks.endtoend.ApiRequest.Signal;
import dev.raftops.benchmarks.endtoend.ApiRequest.Verb;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CRUD dispatcher of the embedded API server, unchanged, with every request classified and
 * handed to a {@link RequestLedger}: who sent it (by User-Agent), read or write, which resource,
 * which cluster, and the two instants the latency analysis needs (arrival, applied).
 */
final class CountingDispatcher extends KubernetesCrudDispatcher {

    static final String CONTROLLER_AGENT = "raftops-controller";
    static final String RUNTIME_AGENT = "raftops-runtime";
    static final String USER_AGENT = "raftops-perf-user";
    /** Cluster names of the end-to-end runs: {@code bao0000} .. {@code bao9999}. */
    static final Pattern CLUSTER = Pattern.compile("bao[0-9]{4}");
    private static final Pattern RESOURCE = Pattern.compile(
            "^/(?:api/v1|apis/[^/]+/[^/]+)(?:/namespaces/[^/]+)?/([a-z]+)(?:/[^/?]+)?(/status)?");

    private final RequestLedger ledger;

    CountingDispatcher(RequestLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        long arrived = System.nanoTime();
        // read without consuming: the CRUD dispatcher reads the body itself afterwards
        String body = "GET".equals(request.getMethod()) || request.getBody() == null ? ""
                : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
        MockResponse response = super.dispatch(request);
        long done = System.nanoTime();
        try {
            ledger.add(classify(request, body, arrived, done, response.code()));
        } catch (RuntimeException e) {
            ledger.unclassified(request.getMethod() + " " + request.getPath() + ": " + e);
        }
        return response;
    }

    static ApiRequest classify(RecordedRequest request, String body, long arrived, long done, int code) {
        String path = URLDecoder.decode(request.getPath(), StandardCharsets.UTF_8);
        String method = request.getMethod();
        Actor actor = actor(request.getHeader("User-Agent"));
        Verb verb = !"GET".equals(method) ? Verb.WRITE : path.contains("watch=true") ? Verb.WATCH : Verb.READ;
        Matcher r = RESOURCE.matcher(path);
        String kind = r.find() ? r.group(1) + (r.group(2) == null ? "" : r.group(2)) : "other";
        String cluster = cluster(path);
        if (cluster == null) {
            cluster = cluster(body);
        }
        return new ApiRequest(arrived, done, actor, verb, method, kind, cluster, signal(actor, method, kind, body),
                code);
    }

    private static Actor actor(String agent) {
        if (agent != null && agent.startsWith(CONTROLLER_AGENT)) {
            return Actor.CONTROLLER;
        }
        return agent != null && agent.startsWith(RUNTIME_AGENT) ? Actor.RUNTIME : Actor.USER;
    }

    private static String cluster(String text) {
        Matcher m = CLUSTER.matcher(text);
        return m.find() ? m.group() : null;
    }

    private static Signal signal(Actor actor, String method, String kind, String body) {
        if (actor == Actor.RUNTIME && "PATCH".equals(method)) {
            if (kind.startsWith("pods") && body.contains("\"Ready\"")) {
                return Signal.POD_READY;
            }
            if (kind.startsWith("jobs") && (body.contains("\"Complete\"") || body.contains("\"Failed\""))) {
                return Signal.JOB_FINISHED;
            }
        }
        if (actor == Actor.USER && "PATCH".equals(method) && "raftclusters".equals(kind) && body.contains("\"spec\"")) {
            return Signal.SPEC_EDIT;
        }
        if (actor == Actor.CONTROLLER) {
            if (kind.equals("statefulsets") && ("PATCH".equals(method) || "PUT".equals(method))) {
                return Signal.STATEFULSET_WRITE;
            }
            if (kind.equals("jobs") && "POST".equals(method)) {
                return Signal.JOB_CREATE;
            }
        }
        return Signal.NONE;
    }
}
