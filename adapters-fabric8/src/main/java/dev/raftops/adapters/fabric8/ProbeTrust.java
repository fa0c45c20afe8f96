package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.TlsSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The HTTP clients of the member probe, one per CA bundle: the CA comes from the ConfigMap
 * {@code spec.tls.caConfigMap} (key {@code ca.crt}), never from a Secret. Without a ConfigMap the
 * JDK's default trust applies. Clients are shared (their connections are kept alive) and run on one
 * small pool of daemon threads.
 */
final class ProbeTrust {

    private final KubernetesClient kubernetes;
    private final Duration connectTimeout;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "raftops-member-probe");
        t.setDaemon(true);
        return t;
    });

    ProbeTrust(KubernetesClient kubernetes, Duration connectTimeout) {
        this.kubernetes = kubernetes;
        this.connectTimeout = connectTimeout;
    }

    /** The client for {@code tls}; throws with one line when the ConfigMap or its {@code ca.crt} is missing or bad. */
    HttpClient client(ClusterKey cluster, TlsSpec tls) {
        String name = tls.caConfigMap();
        if (tls.disabled() || name == null || name.isBlank()) {
            return clients.computeIfAbsent("", k -> build(null));
        }
        ConfigMap map = kubernetes.configMaps().inNamespace(cluster.namespace()).withName(name).get();
        String pem = map == null || map.getData() == null ? null : map.getData().get(TlsSpec.CA_KEY);
        if (pem == null || pem.isBlank()) {
            throw new IllegalStateException("ConfigMap " + cluster.namespace() + "/" + name + " has no " + TlsSpec.CA_KEY
                    + " (spec.tls.caConfigMap)");
        }
        return clients.computeIfAbsent(pem, k -> build(context(name, k)));
    }

    private HttpClient build(SSLContext ssl) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).executor(pool);
        return ssl == null ? b.build() : b.sslContext(ssl).build();
    }

    /** An SSL context trusting exactly the certificates in {@code pem}. */
    static SSLContext context(String source, String pem) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
            if (i == 0) {
                throw new IllegalStateException("no certificate in " + source + " " + TlsSpec.CA_KEY);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the " + TlsSpec.CA_KEY + " of " + source + " is not a PEM certificate: "
                    + e.getMessage());
        }
    }
}
