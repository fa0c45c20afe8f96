package dev.raftops.controller.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Optional;

/**
 * Where {@code run} finds its Kubernetes API, as the client's own configuration rules find it: a
 * kubeconfig file ({@code $KUBECONFIG}, else {@code ~/.kube/config}), the in-cluster service account
 * ({@code $KUBERNETES_SERVICE_HOST}), or an explicit master URL ({@code $KUBERNETES_MASTER}). With none
 * of them the client would try {@code https://kubernetes.default.svc}, which exists only inside a
 * cluster: that is a user's mistake to be told in one line, not a connection to attempt.
 */
sealed interface KubernetesApi {

    /** A configuration that names an API. */
    record Configured(Config config) implements KubernetesApi {
    }

    /** No API configured, or the kubeconfig cannot be read: {@code message} says which and how to give one. */
    record Missing(String message) implements KubernetesApi {
    }

    static KubernetesApi find() {
        Config config;
        try {
            config = Config.autoConfigure(null);
        } catch (KubernetesClientException | IllegalArgumentException e) {
            return new Missing("cannot read the kubeconfig " + Config.getKubeconfigFilenames() + ": "
                    + e.getMessage());
        }
        if (config.getFile() != null || !isDefault(config.getMasterUrl())) {
            return new Configured(config);
        }
        Collection<String> files = Config.getKubeconfigFilenames();
        return new Missing("no Kubernetes API found: no kubeconfig at " + String.join(", ", files)
                + " and not in a cluster (KUBERNETES_SERVICE_HOST is not set); set KUBECONFIG to a kubeconfig file, "
                + "create ~/.kube/config, or run in a pod with a service account");
    }

    /**
     * The configuration of the API {@code raftops <command>} talks to; with none, the one line that says
     * why is printed to {@code err} and the answer is empty.
     */
    static Optional<Config> configOrSay(String command, PrintWriter err) {
        KubernetesApi api = find();
        if (api instanceof Missing missing) {
            err.println("raftops " + command + ": " + missing.message());
            return Optional.empty();
        }
        return Optional.of(((Configured) api).config());
    }

    private static boolean isDefault(String masterUrl) {
        String url = masterUrl == null ? "" : masterUrl.replaceAll("/+$", "");
        return url.isEmpty() || url.equals(Config.DEFAULT_MASTER_URL);
    }
}
