package dev.raftops.adapters.fabric8;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 6902 operations. A {@code test} operation is never used as the precondition: a failing one
 * hangs the CRUD mock. Instead the patch sets {@code metadata.resourceVersion} to the expected value;
 * the API server compares the patched object's resourceVersion with the stored one and answers 409.
 */
final class JsonPatch {

    private JsonPatch() {
    }

    static Map<String, Object> precondition(String resourceVersion) {
        return op("replace", "/metadata/resourceVersion", resourceVersion);
    }

    /** Sets {@code path}, replacing what is there (RFC 6902 {@code add} also replaces an existing member). */
    static Map<String, Object> add(String path, Object value) {
        return op("add", path, value);
    }

    static Map<String, Object> remove(String path) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("op", "remove");
        op.put("path", path);
        return op;
    }

    /** A map key as a JSON pointer segment ({@code raftops.dev/maintenance} → {@code raftops.dev~1maintenance}). */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static Map<String, Object> op(String op, String path, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("op", op);
        out.put("path", path);
        out.put("value", value);
        return out;
    }
}
