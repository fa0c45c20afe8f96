package dev.raftops.sandbox.cli;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The members a rolling restart or a restore restarts, read from the cluster's trace as it grows
 * from a request on: each {@code pod.deleted} is one member restarted, printed in the order it
 * happened, the leader named as such once it stepped down (the leader when a step-down Job was
 * created that then succeeded).
 */
final class SandboxRestarts {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final Supplier<List<String>> trace;
    private final int replicas;
    private final Consumer<String> say;
    private final List<String> restarted = new ArrayList<>();
    private int read;
    private String leader;
    /** The leader when the last step-down Job was created. */
    private String asked;
    private String steppedDown;

    /** Reads {@code trace} (the cluster's lines so far) from its current end on. */
    SandboxRestarts(Supplier<List<String>> trace, int replicas, Consumer<String> say) {
        this.trace = trace;
        this.replicas = replicas;
        this.say = say;
        List<String> before = trace.get();
        before.forEach(this::leaderOf);
        this.read = before.size();
    }

    /** Prints the members restarted since the last call. */
    void show() {
        List<String> lines = trace.get();
        for (String json : lines.subList(Math.min(read, lines.size()), lines.size())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> line = JSON.unmarshal(json, Map.class);
            String kind = String.valueOf(line.get("kind"));
            String pod = (String) line.get("pod");
            if ("raft.leader".equals(kind)) {
                leader = pod;
            } else if ("job.created".equals(kind) && "step-down".equals(line.get("action"))) {
                asked = leader;
            } else if ("job.finished".equals(kind) && "step-down".equals(line.get("action"))
                    && "succeeded".equals(line.get("result"))) {
                steppedDown = asked;
                say.accept("leader " + steppedDown + " stepped down");
            } else if ("pod.deleted".equals(kind)) {
                restarted.add(pod);
                say.accept("member " + pod + " restarted (" + restarted.size() + " of " + replicas + ")"
                        + (pod.equals(steppedDown) ? ": the former leader, after its step-down" : ""));
            }
        }
        read = lines.size();
    }

    private void leaderOf(String json) {
        if (json.contains("\"kind\":\"raft.leader\"")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> line = JSON.unmarshal(json, Map.class);
            leader = (String) line.get("pod");
        }
    }

    /** The members restarted so far, in order. */
    List<String> restarted() {
        return List.copyOf(restarted);
    }

    /** One line: the order the members restarted in. */
    String text() {
        return restarted.size() + " of " + replicas + " members restarted, one at a time: "
                + (restarted.isEmpty() ? "none" : String.join(", ", restarted))
                + (steppedDown != null && restarted.contains(steppedDown) ? " (" + steppedDown
                        + " the leader, after its step-down)" : "");
    }
}
