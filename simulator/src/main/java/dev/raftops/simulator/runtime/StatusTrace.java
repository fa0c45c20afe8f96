package dev.raftops.simulator.runtime;

import dev.raftops.simulator.trace.Trace;
import java.util.HashMap;
import java.util.Map;

/**
 * The trace of one RaftCluster's status as its watch reported it: a {@code status} line when what
 * the trace shows changed, and a {@code decision} line per condition that changed.
 */
final class StatusTrace {

    private final Trace trace;
    private String lastStatus;
    private final Map<String, String> lastDecision = new HashMap<>();

    StatusTrace(Trace trace) {
        this.trace = trace;
    }

    /** Records a status line when the RaftCluster's status, as the watch reported it, changed what the trace shows. */
    @SuppressWarnings("unchecked")
    void status(Map<String, Object> s) {
        decisions(s);
        Object partition = field(s, "upgrade", "currentPartition");
        Object lock = field(s, "operationLock", "operation");
        Object blueGreen = field(s, "blueGreen", "phase");
        Object failure = field(s, "upgrade", "failure") instanceof Map ? field((Map<String, Object>) s.get("upgrade"),
                "failure", "reason") : null;
        boolean breakGlass = Boolean.TRUE.equals(field(s, "breakGlass", "active"));
        String summary = s.get("phase") + "|" + s.get("currentVersion") + "|" + partition + "|" + lock + "|"
                + blueGreen + "|" + breakGlass + "|" + failure;
        if (summary.equals(lastStatus)) {
            return;
        }
        lastStatus = summary;
        trace.write(trace.line("status").put("phase", (String) s.get("phase"))
                .put("currentVersion", (String) s.get("currentVersion")).put("partition", (Number) partition)
                .put("lock", (String) lock).put("blueGreenPhase", (String) blueGreen).put("breakGlass", breakGlass)
                .put("failure", (String) failure));
    }

    /** A {@code decision} line for each condition whose status, reason or message changed: what the controller decided and why. */
    @SuppressWarnings("unchecked")
    private void decisions(Map<String, Object> s) {
        if (!(s.get("conditions") instanceof java.util.List<?> conditions)) {
            return;
        }
        for (Object c : conditions) {
            if (!(c instanceof Map<?, ?> condition) || !(condition.get("type") instanceof String type)) {
                continue;
            }
            String said = condition.get("status") + "|" + condition.get("reason") + "|" + condition.get("message");
            if (!said.equals(lastDecision.put(type, said))) {
                trace.write(trace.line("decision").put("condition", type).put("status", str(condition.get("status")))
                        .put("reason", str(condition.get("reason"))).put("message", str(condition.get("message"))));
            }
        }
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Object field(Map<String, Object> status, String object, String field) {
        Object inner = status.get(object);
        return inner instanceof Map ? ((Map<String, Object>) inner).get(field) : null;
    }
}
