package dev.raftops.domain.resource;

import java.util.Map;
import java.util.TreeMap;

/**
 * How executor Jobs run: image, service account, resource requests and limits
 * ({@code spec.upgrade.executor}). Null fields fall back to the controller's defaults.
 */
public record ExecutorSpec(String image, String serviceAccount, Map<String, String> requests, Map<String, String> limits) {

    public ExecutorSpec {
        requests = requests == null ? Map.of() : Map.copyOf(new TreeMap<>(requests));
        limits = limits == null ? Map.of() : Map.copyOf(new TreeMap<>(limits));
    }

    public static ExecutorSpec defaults() {
        return new ExecutorSpec(null, null, Map.of(), Map.of());
    }
}
