package dev.raftops.domain.resource;

/**
 * {@code spec.tls}: how the workload serves its API, read once for everything that needs it (the
 * controller's probe of the pods and the rendered listener, Secret volume and probes).
 *
 * @param disabled the API is plain HTTP
 * @param caConfigMap a ConfigMap whose {@code ca.crt} holds the CA the controller trusts when it
 *     probes the pods, or null for the JDK's default trust
 * @param secretName the Secret with {@code tls.crt}, {@code tls.key} and {@code ca.crt} the listener serves, or
 *     null for the default {@code <cluster>-tls}
 */
public record TlsSpec(boolean disabled, String caConfigMap, String secretName) {

    /** TLS with the default Secret. */
    public TlsSpec(boolean disabled, String caConfigMap) {
        this(disabled, caConfigMap, null);
    }

    /** The ConfigMap key of the CA bundle. */
    public static final String CA_KEY = "ca.crt";

    public static TlsSpec defaults() {
        return new TlsSpec(false, null);
    }
}
