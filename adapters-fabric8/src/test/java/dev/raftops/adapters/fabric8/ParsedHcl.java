package dev.raftops.adapters.fabric8;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.util.List;
import java.util.Map;

/** HCL parsed by hcl4j, read as OpenBao reads its configuration: blocks by type and label. */
record ParsedHcl(Map<String, Object> root) {

    static ParsedHcl of(String text) {
        try {
            return new ParsedHcl(new HCLParser().parse(text));
        } catch (Exception e) {
            throw new AssertionError("not HCL: " + e.getMessage() + "\n" + text, e);
        }
    }

    /** {@code type "label" { ... }}, or null when absent. */
    @SuppressWarnings("unchecked")
    Map<String, Object> block(String type, String label) {
        Object blocks = root.get(type);
        return blocks instanceof Map<?, ?> m ? (Map<String, Object>) m.get(label) : null;
    }

    /** The nested blocks {@code name { }} of {@code parent}: one block or several, always a list. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> blocks(Map<String, Object> parent, String name) {
        Object value = parent.get(name);
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of((Map<String, Object>) value);
    }
}
