package dev.raftops.simulator.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One parsed trace line: a flat JSON object (the trace format never nests). Numbers come back as
 * {@code Long} or {@code Double}, booleans as {@code Boolean}, null as null.
 */
public record TraceRecord(int lineNumber, Map<String, Object> fields) {

    public TraceRecord {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Parses one line of the trace format; throws {@link IllegalArgumentException} on anything else. */
    public static TraceRecord parse(int lineNumber, String json) {
        return new TraceRecord(lineNumber, new FlatJson(json).object());
    }

    public String kind() {
        return string("kind");
    }

    public long t() {
        return number("t");
    }

    public String string(String name) {
        Object v = fields.get(name);
        return v == null ? null : v.toString();
    }

    public long number(String name) {
        Object v = fields.get(name);
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("line " + lineNumber + ": field " + name + " is not a number: " + v);
    }

    public Integer optionalInt(String name) {
        Object v = fields.get(name);
        return v instanceof Number n ? n.intValue() : null;
    }

    public boolean flag(String name) {
        return Boolean.TRUE.equals(fields.get(name));
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }
}
