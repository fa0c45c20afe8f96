package dev.raftops.benchmarks.endtoend;

import dev.raftops.benchmarks.endtoend.ApiRequest.Actor;
import dev.raftops.benchmarks.endtoend.ApiRequest.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The requests of one measurement window. The runtime's reads (the bulk of the traffic: it polls)
 * are only counted; every other request is kept for the analysis. {@link #take()} ends a window
 * and starts the next.
 */
final class RequestLedger {

    private volatile ConcurrentLinkedQueue<ApiRequest> kept = new ConcurrentLinkedQueue<>();
    private volatile ConcurrentLinkedQueue<String> unclassified = new ConcurrentLinkedQueue<>();
    private final Map<Actor, long[]> runtimeReads = new TreeMap<>();
    /** actor → {requests, nanoseconds the server spent on them} since the last {@link #takeLoad}. */
    private final Map<Actor, long[]> load = new TreeMap<>();
    private long loadSince = System.nanoTime();

    void add(ApiRequest request) {
        synchronized (load) {
            long[] l = load.computeIfAbsent(request.actor(), a -> new long[2]);
            l[0]++;
            l[1] += request.doneNanos() - request.arrivedNanos();
        }
        if (request.actor() == Actor.RUNTIME && request.verb() != Verb.WRITE) {
            synchronized (runtimeReads) {
                runtimeReads.computeIfAbsent(Actor.RUNTIME, a -> new long[1])[0]++;
            }
            return;
        }
        kept.add(request);
    }

    void unclassified(String what) {
        unclassified.add(what);
    }

    /** The requests kept since the last call, in arrival order, and a new empty window. */
    List<ApiRequest> take() {
        ConcurrentLinkedQueue<ApiRequest> window = kept;
        kept = new ConcurrentLinkedQueue<>();
        List<ApiRequest> list = new ArrayList<>(window);
        list.sort((a, b) -> Long.compare(a.arrivedNanos(), b.arrivedNanos()));
        return list;
    }

    /** Runtime reads counted since the last call. */
    long takeRuntimeReads() {
        synchronized (runtimeReads) {
            long[] n = runtimeReads.remove(Actor.RUNTIME);
            return n == null ? 0 : n[0];
        }
    }

    /**
     * The server's load since the last call: requests and time spent in the dispatcher per actor,
     * and that time as a share of the wall time (the mock serves every request on one event loop).
     */
    String takeLoad() {
        synchronized (load) {
            long now = System.nanoTime();
            double wall = (now - loadSince) / 1e9;
            long busy = 0;
            StringBuilder out = new StringBuilder();
            for (Map.Entry<Actor, long[]> e : load.entrySet()) {
                busy += e.getValue()[1];
                out.append(String.format(" %s %d requests %.1f s (mean %.2f ms)", e.getKey(), e.getValue()[0],
                        e.getValue()[1] / 1e9, e.getValue()[1] / 1e6 / Math.max(1, e.getValue()[0])));
            }
            String result = String.format("API server over %.1f s: in the dispatcher %.1f s (%.0f%% of the wall time);",
                    wall, busy / 1e9, 100 * busy / 1e9 / wall) + out;
            load.clear();
            loadSince = now;
            return result;
        }
    }

    List<String> unclassified() {
        return List.copyOf(unclassified);
    }
}
