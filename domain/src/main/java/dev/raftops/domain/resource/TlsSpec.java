package dev.raftops.domain.resource;

/**
 * {@code spec.tls}: how the workload serves its API.
 *
 * @param disabled the API is plain HTTP
 * @param caConfigMap a ConfigMap whose {@code ca.crt} holds the CA the controller trusts when it
 *     probes the pods, or null for the JDK's default trust
 */
public record TlsSpec(boolean disabled, String caConfigMap) {

    /** The ConfigMap key of the CA bundle. */
    public static final String CA_KEY = "ca.crt";

    public static TlsSpec defaults() {
        return new TlsSpec(false, null);
    }
}
