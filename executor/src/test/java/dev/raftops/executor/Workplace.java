package dev.raftops.executor;

import dev.raftops.simulator.openbao.MembershipRaftCluster;
import dev.raftops.simulator.openbao.OpenBaoDouble;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * What an executor runs against in a test: the OpenBao API double over the simulator's Raft model
 * (pods {@code vault-0..2}, {@code vault-0} leading), a real S3 server (S3Proxy, filesystem backend)
 * with bucket {@code snapshots}, the projected-token file, and the environment a Job would get.
 */
public final class Workplace implements AutoCloseable {

    public static final String JWT = "header.payload.signature-of-the-job";
    public static final String BUCKET = "snapshots";
    static final String ACCESS_KEY = "access";
    static final String SECRET_KEY = "secret-key-of-the-store";

    public final OpenBaoDouble openbao;
    public final MembershipRaftCluster raft;
    public final S3Client s3;
    public final Path dir;
    public final String s3Endpoint;
    private final S3Proxy proxy;

    public Workplace(Path dir, List<String> servers, List<String> pods) throws Exception {
        this.dir = dir;
        this.raft = MembershipRaftCluster.of("vault", servers, servers.get(0), 100, 42);
        this.openbao = OpenBaoDouble.start(raft, pods, "2.4.1", "kubernetes", "raftops-executor", JWT);
        Files.writeString(dir.resolve("token"), JWT + "\n");
        Path blobs = Files.createDirectories(dir.resolve("blobs"));
        Properties p = new Properties();
        p.setProperty("jclouds.filesystem.basedir", blobs.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem").credentials("x", "y").overrides(p)
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
            Thread.sleep(10);
        }
        s3Endpoint = "http://127.0.0.1:" + proxy.getPort();
        s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create(s3Endpoint)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    /** Three voters {@code vault-0..2}, {@code vault-0} leading. */
    public static Workplace rolling(Path dir) throws Exception {
        List<String> pods = List.of("vault-0", "vault-1", "vault-2");
        return new Workplace(dir, pods, pods);
    }

    /** Blue {@code vault-blue-0..2} voting and leading; green {@code vault-green-0..2} started, not joined. */
    public static Workplace blueGreen(Path dir) throws Exception {
        List<String> blue = List.of("vault-blue-0", "vault-blue-1", "vault-blue-2");
        List<String> all = List.of("vault-blue-0", "vault-blue-1", "vault-blue-2", "vault-green-0", "vault-green-1", "vault-green-2");
        return new Workplace(dir, blue, all);
    }

    /** The environment of a Job for {@code action} on this workplace. */
    public Map<String, String> env(String action) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RAFTOPS_ACTION", action);
        env.put("RAFTOPS_CLUSTER", "vault");
        env.put("RAFTOPS_NAMESPACE", "secrets");
        env.put("RAFTOPS_PODS", String.join(",", openbao.pods()));
        env.put("RAFTOPS_POD_ADDRESS", openbao.addressTemplate());
        env.put("RAFTOPS_TOKEN_FILE", dir.resolve("token").toString());
        env.put("RAFTOPS_AUTH_MOUNT", "kubernetes");
        env.put("RAFTOPS_AUTH_ROLE", "raftops-executor");
        env.put("RAFTOPS_DEADLINE_SECONDS", "20");
        env.put("RAFTOPS_RESULT_FILE", dir.resolve("result-" + action + ".json").toString());
        env.put("RAFTOPS_TARGET_BUCKET", BUCKET);
        env.put("RAFTOPS_TARGET_PREFIX", "raftops");
        env.put("RAFTOPS_TARGET_ENDPOINT", s3Endpoint);
        env.put("RAFTOPS_TARGET_PATH_STYLE", "true");
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("RAFTOPS_BLUE_STATEFUL_SET", "vault-blue");
        env.put("RAFTOPS_GREEN_STATEFUL_SET", "vault-green");
        return env;
    }

    /** The environment of a backup Job taking a {@code kind} snapshot ({@code scheduled}, {@code manual}) of {@code window}. */
    public Map<String, String> backupEnv(String kind, String window) {
        Map<String, String> env = env("backup");
        env.put("RAFTOPS_SNAPSHOT_KIND", kind);
        env.put("RAFTOPS_BACKUP_WINDOW", window);
        return env;
    }

    public Run run(Map<String, String> env) throws IOException {
        return run(env, Clock.systemUTC());
    }

    public Run run(Map<String, String> env, Clock clock) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Executor.run(new String[] {env.get("RAFTOPS_ACTION")}, env, clock,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Path result = Path.of(env.get("RAFTOPS_RESULT_FILE"));
        JsonNode json = Files.exists(result) ? dev.raftops.executor.http.WorkloadHttp.JSON.readTree(Files.readAllBytes(result)) : null;
        return new Run(exit, json, err.toString(StandardCharsets.UTF_8));
    }

    /** Object keys in the bucket, sorted (the filesystem backend's folder markers left out). */
    public List<String> keys() {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(o -> o.key())
                .filter(k -> !k.endsWith("/")).sorted().toList();
    }

    @Override
    public void close() throws Exception {
        openbao.close();
        proxy.stop();
        s3.close();
    }

    /** An executor run's exit code, result object and log. */
    public record Run(int exit, JsonNode result, String log) {

        public String message() {
            return result.path("message").asString();
        }

        public JsonNode facts() {
            return result.path("facts");
        }
    }
}
