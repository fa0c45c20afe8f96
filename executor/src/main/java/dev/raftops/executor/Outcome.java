package dev.raftops.executor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one result an executor run reports (the result file's JSON object): the action, whether it
 * succeeded, whether a failure is worth retrying, a one-line message and the action's facts.
 *
 * @param result {@code succeeded}, {@code failed} (exit 1) or {@code refused} (exit 2)
 */
public record Outcome(String action, String result, boolean retryable, String message, Map<String, Object> facts) {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String REFUSED = "refused";

    public Outcome {
        message = oneLine(message);
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public static Outcome succeeded(String action, String message, Map<String, Object> facts) {
        return new Outcome(action, SUCCEEDED, false, message, facts);
    }

    public static Outcome of(String action, ActionFailure failure, Map<String, Object> facts) {
        return new Outcome(action, failure.retryable() ? FAILED : REFUSED, failure.retryable(),
                failure.getMessage(), facts);
    }

    /** 0 done, 1 failed and worth retrying, 2 refused or misconfigured. */
    public int exitCode() {
        return switch (result) {
            case SUCCEEDED -> 0;
            case FAILED -> 1;
            default -> 2;
        };
    }

    private static String oneLine(String message) {
        String text = message == null ? "" : message.replaceAll("\\s+", " ").trim();
        return text.length() > 900 ? text.substring(0, 900) + "..." : text;
    }
}
