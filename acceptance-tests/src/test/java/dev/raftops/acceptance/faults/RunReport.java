package dev.raftops.acceptance.faults;

import java.util.List;

/**
 * What one fault run did and found: how it ended ({@code completed}, or {@code stopped: <condition>}),
 * the faults played, the Lease holders in order, when its phases began (Lease held, cluster running,
 * fault played, fault over, outcome known), the writes a fenced leader still sent (refused
 * ones included), how long it took, and the violations (none wanted).
 */
public record RunReport(FaultRun run, String outcome, FaultPlayed played, List<String> holders, List<String> marks,
        List<ApiAudit.Entry> fencedAttempts, long millis, List<String> violations) {

    /** One JSON line for the long form's summary file. */
    String json() {
        return "{\"run\":\"" + run.name() + "\",\"fault\":\"" + run.fault() + "\",\"seed\":" + run.seed()
                + ",\"operation\":\"" + run.operation() + "\",\"point\":" + run.point() + ",\"outcome\":\""
                + escape(outcome) + "\",\"kills\":" + played.kills() + ",\"proxyFaults\":" + played.proxyFaults()
                + ",\"httpFaults\":" + played.httpFaults() + ",\"fencedAttempts\":" + fencedAttempts.size() + ",\"fencedAccepted\":"
                + fencedAttempts.stream().filter(ApiAudit.Entry::succeeded).count()
                + ",\"holders\":\"" + String.join(">", holders) + "\",\"marks\":\"" + String.join(" ", marks)
                + "\",\"millis\":" + millis + ",\"violations\":[" + String.join(",", violations.stream()
                        .map(v -> "\"" + escape(v) + "\"").toList()) + "]}";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
