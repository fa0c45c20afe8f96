package dev.raftops.executor;

import dev.raftops.simulator.openbao.DoubleFaults;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A benchmark, not a test (docs/performance.md, "Snapshot streaming"): a backup of {@code sizes} MiB
 * through the packaged executor jar ({@code -Xmx64m}, GC log for the heap) from the OpenBao double to
 * S3Proxy, next to a raw copy of a snapshot of the same size between the same endpoints in this JVM
 * (GET streamed, multipart upload of 8 MiB parts, no digest, no staging copy). Run with
 * {@code java -cp <test classpath> dev.raftops.executor.SnapshotStreamingBenchmark <jar> 64 1024}.
 */
public final class SnapshotStreamingBenchmark {

    private SnapshotStreamingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path dir = Files.createTempDirectory("snapshot-bench");
        try (Workplace w = Workplace.rolling(dir)) {
            for (int i = 1; i < args.length; i++) {
                long mib = Long.parseLong(args[i]);
                long size = mib * 1024 * 1024;
                w.openbao.faults(DoubleFaults.none().withSnapshot(size, DoubleFaults.Body.WHOLE));
                double raw = rawCopy(w, size);
                executor(w, jar, dir, mib, size);
                System.out.printf("%d MiB raw copy: %.1f s, %.1f MiB/s%n", mib, raw, mib / raw);
            }
        }
    }

    private static void executor(Workplace w, Path jar, Path dir, long mib, long size) throws Exception {
        Map<String, String> env = w.env("backup");
        env.put("RAFTOPS_SNAPSHOT_KIND", "scheduled");
        env.put("RAFTOPS_BACKUP_WINDOW", "bench-" + mib);
        env.put("RAFTOPS_DEADLINE_SECONDS", "1800");
        Path gc = dir.resolve("gc-" + mib + ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-Xlog:gc:file=" + gc, "-jar", jar.toString(), "backup").inheritIO();
        pb.environment().clear();
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(1800, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the executor did not finish");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        Matcher m = Pattern.compile("(\\d+)M->\\d+M").matcher(Files.readString(gc));
        while (m.find()) {
            peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
        System.out.printf("%d MiB executor: exit %d, %.1f s, %.1f MiB/s, peak heap before a GC %d MiB (-Xmx64m)%n",
                mib, p.exitValue(), seconds, mib / seconds, peak);
    }

    private static double rawCopy(Workplace w, long size) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String login = "{\"role\":\"raftops-executor\",\"jwt\":\"" + Workplace.JWT + "\"}";
        String token = dev.raftops.executor.http.WorkloadHttp.JSON.readTree(http.send(HttpRequest.newBuilder(
                URI.create(w.openbao.base("vault-0") + "/v1/auth/kubernetes/login")).POST(HttpRequest.BodyPublishers.ofString(login))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).path("auth").path("client_token").asString();
        String leader = w.raft.leader().orElseThrow();
        String key = "raw/" + size + ".snap";
        long start = System.nanoTime();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(w.openbao.base(leader)
                + "/v1/sys/storage/raft/snapshot")).header("X-Vault-Token", token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        String upload = w.s3.createMultipartUpload(b -> b.bucket(Workplace.BUCKET).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        byte[] buffer = new byte[8 * 1024 * 1024];
        try (InputStream in = r.body()) {
            for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                int number = parts.size() + 1;
                int length = n;
                String etag = w.s3.uploadPart(b -> b.bucket(Workplace.BUCKET).key(key).uploadId(upload).partNumber(number)
                        .contentLength((long) length), RequestBody.fromContentProvider(
                        () -> new java.io.ByteArrayInputStream(buffer, 0, length), length, "application/octet-stream")).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
        }
        w.s3.completeMultipartUpload(b -> b.bucket(Workplace.BUCKET).key(key).uploadId(upload).multipartUpload(u -> u.parts(parts)));
        double seconds = (System.nanoTime() - start) / 1e9;
        w.s3.deleteObject(b -> b.bucket(Workplace.BUCKET).key(key));
        return seconds;
    }
}
