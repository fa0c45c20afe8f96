package dev.raftops.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsEndpointsTest {

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final AtomicBoolean ready = new AtomicBoolean(false);
    final HttpClient http = HttpClient.newHttpClient();
    OpsEndpoints endpoints;

    @BeforeEach
    void start() throws Exception {
        endpoints = new OpsEndpoints(new InetSocketAddress("127.0.0.1", 0), ready::get, registry::scrape);
    }

    @AfterEach
    void stop() {
        endpoints.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoints.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthzAnswersWhileTheProcessRuns() throws Exception {
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void readyzFollowsReadiness() throws Exception {
        assertThat(get("/readyz").statusCode()).isEqualTo(503);
        ready.set(true);
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreInPrometheusTextFormat() throws Exception {
        Counter.builder("raftops_pods_upgraded").register(registry).increment(3);
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.body()).contains("# TYPE raftops_pods_upgraded_total counter")
                .contains("raftops_pods_upgraded_total 3.0");
    }
}
