package dev.raftops.benchmarks.endtoend;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;

/**
 * Clients that sign every request with a User-Agent of their own, so the API server can tell the
 * controller's requests from the runtime's and the driver's. An interceptor sets the header just
 * before each request is sent, after the client's own defaults.
 */
final class AgentClients {

    private AgentClients() {
    }

    static KubernetesClient build(Config config, String agent) {
        return new KubernetesClientBuilder().withConfig(config)
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("raftops-perf-agent", new Interceptor() {
                    @Override
                    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                        builder.setHeader("User-Agent", agent);
                    }
                })).build();
    }
}
