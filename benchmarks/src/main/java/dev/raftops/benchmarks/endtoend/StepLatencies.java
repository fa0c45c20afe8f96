package dev.raftops.benchmarks.endtoend;

import dev.raftops.benchmarks.endtoend.ApiRequest.Actor;
import dev.raftops.benchmarks.endtoend.ApiRequest.Signal;
import dev.raftops.benchmarks.endtoend.ApiRequest.Verb;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Controller-added latency per step, from the API server's own timestamps
 * (docs/decisions/performance-step-latency.md). For every cluster, an enabling event (the runtime
 * marks a pod Ready, the runtime finishes a Job, the user edits the spec) opens a step; the step's
 * latency to the next write is from the instant the server had applied the event to the arrival of
 * the controller's next write for that cluster; its latency to the step write is to the arrival of
 * the controller's next StatefulSet write or Job creation for that cluster. A later enabling event
 * before the controller wrote replaces the earlier one (the step waited for the last of them).
 */
final class StepLatencies {

    final Map<Signal, List<Long>> toNextWrite = new EnumMap<>(Signal.class);
    final Map<Signal, List<Long>> toStepWrite = new EnumMap<>(Signal.class);
    /** enabling events with no controller write after them in the window */
    int unanswered;

    static StepLatencies of(List<ApiRequest> window) {
        Map<String, List<ApiRequest>> byCluster = new TreeMap<>();
        for (ApiRequest r : window) {
            if (r.cluster() != null && (r.enabling() || (r.actor() == Actor.CONTROLLER && r.verb() == Verb.WRITE))) {
                byCluster.computeIfAbsent(r.cluster(), c -> new ArrayList<>()).add(r);
            }
        }
        StepLatencies result = new StepLatencies();
        byCluster.values().forEach(result::add);
        return result;
    }

    private void add(List<ApiRequest> requests) {
        ApiRequest open = null;
        boolean written = false;
        for (ApiRequest r : requests) {
            if (r.enabling()) {
                if (open != null && !written) {
                    unanswered++;
                }
                open = r;
                written = false;
                continue;
            }
            if (open == null) {
                continue;
            }
            long latency = r.arrivedNanos() - open.doneNanos();
            if (!written) {
                toNextWrite.computeIfAbsent(open.signal(), s -> new ArrayList<>()).add(latency);
                written = true;
            }
            if (r.step()) {
                toStepWrite.computeIfAbsent(open.signal(), s -> new ArrayList<>()).add(latency);
                open = null;
            }
        }
        if (open != null && !written) {
            unanswered++;
        }
    }

    /** Latencies of the rolling steps proper: after a pod Ready or a finished Job. */
    static List<Long> rolling(Map<Signal, List<Long>> bySignal) {
        List<Long> all = new ArrayList<>(bySignal.getOrDefault(Signal.POD_READY, List.of()));
        all.addAll(bySignal.getOrDefault(Signal.JOB_FINISHED, List.of()));
        return all;
    }
}
