package dev.raftops.executor.storage;

import dev.raftops.executor.ActionFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Snapshots in an S3-compatible bucket. A snapshot is streamed in parts of {@link #PART_SIZE} through
 * one reused buffer (constant memory whatever its size) to a staging key, then copied to its final
 * key with its metadata (so the final key only ever holds a whole snapshot with its SHA-256), and the
 * staging object deleted. A failed or refused stream aborts the multipart upload: nothing is left.
 */
public final class SnapshotStore {

    /** 8 MiB: above S3's 5 MiB minimum part; 10,000 parts give snapshots up to 78 GiB. */
    public static final int PART_SIZE = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;

    public SnapshotStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * Checksums only where S3 requires them: S3-compatible stores (MinIO, Ceph, S3Proxy) differ in
     * which of the SDK's newer default checksum trailers they accept; integrity is our own SHA-256.
     */
    public static S3Client client(StorageTarget target, AwsCredentialsProvider credentials) {
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(target.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60)).build())
                .forcePathStyle(target.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        target.endpoint().ifPresent(b::endpointOverride);
        return b.build();
    }

    public String bucket() {
        return bucket;
    }

    /** Refused (exit 2) when the bucket does not exist or cannot be accessed; retryable when unreachable. */
    public void checkBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw ActionFailure.refused("bucket \"" + bucket + "\" does not exist; create it or fix RAFTOPS_TARGET_BUCKET");
            }
            throw StorageErrors.of(e, "checking the bucket", bucket);
        } catch (SdkException e) {
            throw StorageErrors.of(e, "checking the bucket", bucket);
        }
    }

    public Optional<StoredObject> head(String key) {
        try {
            HeadObjectResponse h = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new StoredObject(key, h.contentLength(), h.lastModified(), h.metadata()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw StorageErrors.of(e, "reading " + key, bucket);
        } catch (SdkException e) {
            throw StorageErrors.of(e, "reading " + key, bucket);
        }
    }

    /**
     * Streams {@code in} to {@code stagingKey}. Refused before any upload starts when the body is empty
     * or not gzip; on any failure after it started the upload is aborted. Returns the bytes written.
     */
    public long stage(String stagingKey, InputStream in, Runnable readingDone) {
        byte[] part = new byte[PART_SIZE];
        int n = fill(in, part);
        if (n == 0) {
            throw ActionFailure.refused("the workload returned an empty snapshot; nothing uploaded");
        }
        if (!SnapshotStream.gzip(part, n)) {
            throw ActionFailure.refused("the snapshot does not start with the gzip magic bytes 1f 8b; nothing uploaded");
        }
        String uploadId;
        try {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(stagingKey).contentType("application/gzip")).uploadId();
        } catch (SdkException e) {
            throw StorageErrors.of(e, "starting the upload", bucket);
        }
        long total = 0;
        List<CompletedPart> parts = new ArrayList<>();
        try {
            while (n > 0) {
                int length = n;
                int number = parts.size() + 1;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(stagingKey).uploadId(uploadId).partNumber(number)
                                .contentLength((long) length),
                        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(part, 0, length), length,
                                "application/octet-stream")).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                total += length;
                n = fill(in, part);
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(stagingKey).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            return total;
        } catch (RuntimeException e) {
            readingDone.run(); // a stall guard's interrupt must not refuse the abort
            abort(stagingKey, uploadId);
            throw e instanceof SdkException s ? StorageErrors.of(s, "uploading the snapshot", bucket) : e;
        }
    }

    /** Copies the staged object to {@code key} with {@code metadata}, then deletes the staging object. */
    public void publish(String stagingKey, String key, Map<String, String> metadata) {
        try {
            s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(stagingKey).destinationBucket(bucket).destinationKey(key)
                    .metadataDirective(MetadataDirective.REPLACE).metadata(metadata).contentType("application/gzip"));
        } catch (SdkException e) {
            throw StorageErrors.of(e, "publishing " + key, bucket);
        } finally {
            discard(stagingKey);
        }
    }

    /** Deletes {@code key}, quietly when already gone. */
    public void discard(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException ignored) {
            // best effort: a staging object left behind is outside the snapshot folders retention reads
        }
    }

    public void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw StorageErrors.of(e, "deleting " + key, bucket);
        }
    }

    /** Every object below {@code prefix} (all pages). */
    public List<StoredObject> list(String prefix) {
        try {
            List<StoredObject> out = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                out.add(new StoredObject(o.key(), o.size(), o.lastModified(), Map.of()));
            }
            return out;
        } catch (SdkException e) {
            throw StorageErrors.of(e, "listing " + prefix, bucket);
        }
    }

    /** The object's body as a stream; the caller closes it. */
    public InputStream open(String key) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toInputStream());
        } catch (SdkException e) {
            throw StorageErrors.of(e, "downloading " + key, bucket);
        }
    }

    private void abort(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException ignored) {
            // the original failure is what the result reports
        }
    }

    /** Reads until {@code buffer} is full or the stream ends; a broken stream is retryable. */
    private static int fill(InputStream in, byte[] buffer) {
        try {
            return in.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw ActionFailure.retryable("the snapshot stream broke off: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }
}
