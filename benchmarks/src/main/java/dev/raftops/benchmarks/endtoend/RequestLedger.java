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

    void add(ApiRequest request) {
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

    List<String> unclassified() {
        return List.copyOf(unclassified);
    }
}
