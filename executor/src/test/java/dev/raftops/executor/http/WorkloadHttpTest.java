package dev.raftops.executor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.raftops.executor.ActionFailure;
import dev.raftops.executor.Log;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkloadHttpTest {

    HttpServer server;

    /** A loopback endpoint answering {@code statuses} in turn, then 200. */
    private URI answering(List<Integer> statuses, AtomicInteger calls) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<Integer> left = new CopyOnWriteArrayList<>(statuses);
        server.createContext("/", ex -> {
            calls.incrementAndGet();
            int status = left.isEmpty() ? 200 : left.remove(0);
            byte[] body = "{\"errors\":[\"x\"]}".getBytes();
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/sys/leader");
    }

    private static WorkloadHttp http(Duration budget) {
        return new WorkloadHttp(WorkloadHttp.client(null), Deadline.in(budget, Clock.systemUTC()),
                new Log(new PrintStream(new ByteArrayOutputStream()), Clock.systemUTC()), new Random(1));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void fiveHundredsAnd429AreRetriedUntilAnAnswer() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        URI uri = answering(List.of(503, 429, 500), calls);

        assertThat(http(Duration.ofSeconds(20)).call("GET", uri, null, null).status()).isEqualTo(200);
        assertThat(calls).hasValue(4);
    }

    @Test
    void anotherFourHundredIsAnsweredAtOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        URI uri = answering(List.of(400), calls);

        assertThat(http(Duration.ofSeconds(20)).call("GET", uri, null, null).status()).isEqualTo(400);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aRefusedConnectionIsRetriedOnlyUntilTheDeadline() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        long start = System.nanoTime();

        assertThatThrownBy(() -> http(Duration.ofSeconds(2)).call("GET", URI.create("http://127.0.0.1:" + closed + "/v1/x"), null, null))
                .isInstanceOf(ActionFailure.class).matches(e -> ((ActionFailure) e).retryable());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void healthStatusesAreAnswersNotRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        URI uri = answering(List.of(503), calls);

        assertThat(http(Duration.ofSeconds(20)).probe("GET", uri).status()).isEqualTo(503);
        assertThat(calls).hasValue(1);
    }
}
