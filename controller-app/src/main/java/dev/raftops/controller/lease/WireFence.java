package dev.raftops.controller.lease;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The leadership fence at the last moment a write is still this process's to stop: right before
 * each mutating request goes on the wire, and again before each of the client's own retries.
 * {@link LeaderFence} asks once per port call, and a port call may read before it writes (an Event
 * is a GET, then a conditioned PATCH): a process frozen between that check and the send would wake
 * and send what it decided while it still led. Here the question is asked per request, on the
 * monotonic clock of {@link LeaseLeadership#leading()}, so a freeze anywhere before the request is
 * built ends in a refusal. Lease requests pass: competing for and renewing the Lease is how a
 * replica comes to lead.
 */
public final class WireFence implements Interceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String LEASES = "/apis/coordination.k8s.io/";

    private final BooleanSupplier leading;

    public WireFence(BooleanSupplier leading) {
        this.leading = leading;
    }

    /** A client like {@code client} (same configuration and serialization) whose writes pass this fence. */
    public static KubernetesClient around(KubernetesClient client, BooleanSupplier leading) {
        WireFence fence = new WireFence(leading);
        return new KubernetesClientBuilder().withConfig(client.getConfiguration())
                .withKubernetesSerialization(client.getKubernetesSerialization())
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("raftops-lease-fence", fence))
                .build();
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        if (READS.contains(request.method()) || request.uri().getPath().startsWith(LEASES)) {
            return;
        }
        if (!leading.getAsBoolean()) {
            // not 409: an adapter reads 409 on a create as "it exists already"; this is a failure the pass stops on
            throw new KubernetesClientException("not the Lease holder: " + request.method() + " "
                    + request.uri().getPath() + " fenced before it was sent", 0, null);
        }
    }
}
