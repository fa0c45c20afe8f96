package dev.raftops.simulator.trace;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trace line being built: fields keep the order they were put in, so the same run always
 * prints the same bytes. Values are strings, numbers, booleans or null.
 */
public final class TraceLine {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private TraceLine() {
    }

    /** A line with the common fields {@code t}, {@code kind} and {@code cluster}. */
    public static TraceLine of(long t, String kind, String cluster) {
        return new TraceLine().put("t", t).put("kind", kind).put("cluster", cluster);
    }

    public TraceLine put(String name, Object value) {
        if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException("trace values are strings, numbers, booleans or null: " + value);
        }
        fields.put(name, value);
        return this;
    }

    public String kind() {
        return (String) fields.get("kind");
    }

    /** The line as one JSON object, no spaces, no trailing newline. */
    public String toJson() {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, e.getKey());
            out.append(':');
            Object v = e.getValue();
            if (v == null || v instanceof Number || v instanceof Boolean) {
                out.append(v);
            } else {
                quote(out, (String) v);
            }
        }
        return out.append('}').toString();
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
