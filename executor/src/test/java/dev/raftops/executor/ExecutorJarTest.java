package dev.raftops.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.raftops.simulator.openbao.DoubleFaults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, started as a Job would start it: {@code java -jar raftops-executor.jar ACTION}. */
class ExecutorJarTest {

    /** Set only by the pom's packaged-jar execution, which runs after package: never a stale jar. */
    static final String JAR_PROPERTY = System.getProperty("raftops.executor.jar");

    @TempDir
    Path dir;

    record Exit(int code, String err) {
    }

    static Exit start(List<String> jvm, String action, Map<String, String> env, long timeoutSeconds) throws Exception {
        assumeTrue(JAR_PROPERTY != null, "runs after package, in the packaged-jar execution");
        Path jar = Path.of(JAR_PROPERTY);
        assertThat(jar).exists();
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-jar", jar.toString(), action));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env);
        Path err = Files.createTempFile("executor", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the executor did not finish within " + timeoutSeconds + " s: " + read(err));
        }
        return new Exit(p.exitValue(), read(err));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void withNoEnvironmentItExits2NamingTheFirstMissingVariable() throws Exception {
        Exit exit = start(List.of(), "step-down", Map.of(), 60);

        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.err()).contains("refused: RAFTOPS_CLUSTER is not set");
    }

    @Test
    void aTwoHundredMegabyteSnapshotStreamsWithA64MegabyteHeap() throws Exception {
        try (Workplace w = Workplace.rolling(dir)) {
            long size = 200L * 1024 * 1024;
            w.openbao.faults(DoubleFaults.none().withSnapshot(size, DoubleFaults.Body.WHOLE));
            Map<String, String> env = w.env("backup");
            env.put("RAFTOPS_SNAPSHOT_KIND", "scheduled");
            env.put("RAFTOPS_BACKUP_WINDOW", "2026-12-03T02:00:00Z");
            env.put("RAFTOPS_DEADLINE_SECONDS", "240");

            Exit exit = start(List.of("-Xmx64m"), "backup", env, 300);

            assertThat(exit.code()).as(exit.err()).isZero();
            String key = "raftops/secrets/vault/scheduled/2026-12-03T02-00-00Z.snap";
            assertThat(w.s3.headObject(b -> b.bucket(Workplace.BUCKET).key(key)).contentLength()).isGreaterThan(size);
            assertThat(read(Path.of(env.get("RAFTOPS_RESULT_FILE")))).contains("\"result\":\"succeeded\"");
        }
    }
}
