package dev.raftops.executor.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** A workload answer: its status and JSON body (a missing node when the body was empty or not JSON). */
public record Reply(int status, JsonNode body, String location) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public static Reply empty(int status, String location) {
        return new Reply(status, MissingNode.getInstance(), location);
    }

    /** OpenBao's {@code errors} array joined, for a message; empty when none. */
    public String errors() {
        JsonNode errors = body.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        errors.forEach(e -> out.append(out.length() == 0 ? "" : "; ").append(e.asString()));
        return out.toString();
    }
}
