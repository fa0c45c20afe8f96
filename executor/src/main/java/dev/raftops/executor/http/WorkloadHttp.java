package dev.raftops.executor.http;

import dev.raftops.executor.ActionFailure;
import dev.raftops.executor.Log;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * HTTP to the workload's pods: connect timeout, a per-request timeout bounded by the deadline, no
 * automatic redirects (a 307 is the caller's to judge), and retries with exponential backoff and
 * jitter for connection errors, 5xx and 429 while the deadline allows. Other 4xx are answered
 * at once. The token travels in {@code X-Vault-Token} and is never logged.
 */
public final class WorkloadHttp {

    public static final ObjectMapper JSON = JsonMapper.builder().build();
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final HttpClient client;
    private final Deadline deadline;
    private final Log log;
    private final Random jitter;

    public WorkloadHttp(HttpClient client, Deadline deadline, Log log, Random jitter) {
        this.client = client;
        this.deadline = deadline;
        this.log = log;
        this.jitter = jitter;
    }

    public static HttpClient client(Path caFile) {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(Tls.context(caFile))
                .sslParameters(Tls.parameters())
                .build();
    }

    public Deadline deadline() {
        return deadline;
    }

    /** One JSON call, retried while retryable; {@code body} null for none. */
    public Reply call(String method, URI uri, String token, Object body) {
        return send(method, uri, token, body, true);
    }

    /**
     * One JSON call answered as it comes, without retrying a 429/5xx status: for {@code sys/health},
     * whose 429 and 503 mean standby and sealed. Connection errors are still retried {@code once}.
     */
    public Reply probe(String method, URI uri) {
        return send(method, uri, null, null, false);
    }

    private Reply send(String method, URI uri, String token, Object body, boolean retryStatus) {
        byte[] payload = body == null ? null : JSON.writeValueAsBytes(body);
        int attempt = 0;
        while (true) {
            attempt++;
            HttpRequest.Builder request = request(uri, token).method(method,
                    payload == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(payload));
            if (payload != null) {
                request.header("Content-Type", "application/json");
            }
            String problem;
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (!retryStatus || !retryableStatus(status)) {
                    return new Reply(status, parse(response.body()), response.headers().firstValue("Location").orElse(null));
                }
                Reply reply = new Reply(status, parse(response.body()), null);
                problem = "HTTP " + status + (reply.errors().isEmpty() ? "" : " (" + reply.errors() + ")");
                if (!retryAllowed(attempt)) {
                    return reply;
                }
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                if (!retryStatus && attempt >= 2 || !retryAllowed(attempt)) {
                    throw ActionFailure.retryable(method + " " + uri + " failed: " + problem, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ActionFailure.retryable(method + " " + uri + " interrupted");
            }
            Duration pause = backoff(attempt);
            log.info("retrying " + method + " " + uri + " in " + pause.toMillis() + " ms after " + problem);
            deadline.pause(pause);
        }
    }

    /** A GET whose body is streamed, not buffered (snapshots); the caller closes the stream. */
    public HttpResponse<InputStream> stream(URI uri, String token) {
        return exchange(request(uri, token).timeout(deadline.atMost(REQUEST_TIMEOUT)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream(), "GET " + uri);
    }

    /** A POST of a streamed body (restores); not retried, since the stream cannot be replayed. */
    public Reply upload(URI uri, String token, HttpRequest.BodyPublisher body) {
        HttpRequest request = request(uri, token).timeout(deadline.atMost(deadline.remaining()))
                .header("Content-Type", "application/octet-stream").POST(body).build();
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray(), "POST " + uri);
        return new Reply(response.statusCode(), parse(response.body()), response.headers().firstValue("Location").orElse(null));
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw ActionFailure.retryable(what + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ActionFailure.retryable(what + " interrupted");
        }
    }

    private HttpRequest.Builder request(URI uri, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(deadline.atMost(REQUEST_TIMEOUT));
        if (token != null) {
            b.header("X-Vault-Token", token);
        }
        return b;
    }

    static boolean retryableStatus(int status) {
        return status == 429 || status >= 500;
    }

    private boolean retryAllowed(int attempt) {
        return deadline.remaining().compareTo(backoff(attempt)) > 0;
    }

    /** Exponential (200 ms doubling, at most 5 s), the wait drawn at random from the upper half of that. */
    Duration backoff(int attempt) {
        long cap = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 10));
        return Duration.ofMillis(cap / 2 + (long) (jitter.nextDouble() * (cap / 2)));
    }

    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }
}
