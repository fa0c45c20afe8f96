package dev.raftops.executor;

import dev.raftops.executor.http.WorkloadHttp;
import java.util.LinkedHashMap;
import java.util.Map;

/** The result file: {@code {"action", "result", "retryable", "message", "facts": {...}}}, one line. */
public final class ResultJson {

    private ResultJson() {
    }

    public static byte[] of(Outcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", outcome.action());
        json.put("result", outcome.result());
        json.put("retryable", outcome.retryable());
        json.put("message", outcome.message());
        json.put("facts", outcome.facts());
        byte[] body = WorkloadHttp.JSON.writeValueAsBytes(json);
        byte[] line = java.util.Arrays.copyOf(body, body.length + 1);
        line[body.length] = '\n';
        return line;
    }
}
