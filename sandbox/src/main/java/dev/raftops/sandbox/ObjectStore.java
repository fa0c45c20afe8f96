package dev.raftops.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3-compatible object store of a sandbox: S3Proxy on loopback with a filesystem backend in a
 * folder of its own, one bucket. Backups and pre-upgrade snapshots land here through the real
 * executor; {@link #objects()} reads them back.
 */
public final class ObjectStore implements AutoCloseable {

    public static final String BUCKET = "raftops-snapshots";
    static final String ACCESS_KEY = "sandbox";
    static final String SECRET_KEY = "sandbox-secret-key";

    /** What stands in for the executor pod's object-store credentials (a Secret or web identity in a cluster). */
    public static final Map<String, String> CREDENTIALS = Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY", SECRET_KEY);

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final S3Client s3;
    private final String endpoint;

    /** One object of the bucket: its key, size and the SHA-256 of its bytes as read back. */
    public record StoredObject(String key, long bytes, String sha256) {
    }

    private ObjectStore(S3Proxy proxy, BlobStoreContext context, String endpoint) {
        this.proxy = proxy;
        this.context = context;
        this.endpoint = endpoint;
        this.s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** Starts the store over {@code folder} (created if missing) with an empty bucket {@link #BUCKET}. */
    public static ObjectStore start(Path folder) {
        try {
            Files.createDirectories(folder);
            Properties p = new Properties();
            p.setProperty("jclouds.filesystem.basedir", folder.toString());
            BlobStoreContext context = ContextBuilder.newBuilder("filesystem").credentials("sandbox", "sandbox")
                    .overrides(p).build(BlobStoreContext.class);
            S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
            proxy.start();
            while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
                if (AbstractLifeCycle.FAILED.equals(proxy.getState())) {
                    throw new IllegalStateException("the object store did not start");
                }
                Thread.sleep(10);
            }
            ObjectStore store = new ObjectStore(proxy, context, "http://127.0.0.1:" + proxy.getPort());
            store.s3.createBucket(b -> b.bucket(BUCKET));
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the object store started", e);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** {@code spec.backup.target} for this store: the bucket, its endpoint, path-style addressing. */
    public Map<String, String> target() {
        return Map.of("bucket", BUCKET, "endpoint", endpoint, "pathStyle", "true", "region", "us-east-1");
    }


    public String endpoint() {
        return endpoint;
    }

    /** Every object of the bucket, by key, each read back whole to hash it. */
    public List<StoredObject> objects() {
        List<StoredObject> out = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents()) {
            if (o.key().endsWith("/")) {
                continue; // the filesystem backend lists its folders as objects
            }
            out.add(new StoredObject(o.key(), o.size(), sha256(o.key())));
        }
        return out;
    }

    /**
     * Overwrites {@code key} with {@code bytes} and {@code metadata}, as someone with write access to
     * the bucket could (a tampered snapshot, for the restore's checks).
     */
    public void replace(String key, byte[] bytes, Map<String, String> metadata) {
        s3.putObject(b -> b.bucket(BUCKET).key(key).metadata(metadata),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));
    }

    /** The object's user metadata ({@code sha256}, {@code bytes}, ...) as the executor wrote it. */
    public Map<String, String> metadata(String key) {
        return s3.headObject(b -> b.bucket(BUCKET).key(key)).metadata();
    }

    private String sha256(String key) {
        try (InputStream in = s3.getObject(b -> b.bucket(BUCKET).key(key))) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        s3.close();
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping a loopback server at the end of a run: nothing left to tell
        }
        context.close();
    }
}
