package dev.raftops.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code raftops sandbox --keep --kubeconfig FILE --timeline FILE} through the shipped command line:
 * it prints {@code export KUBECONFIG=FILE}, writes the timeline at the end of the tour, keeps running,
 * and a {@code kubectl patch} of the version (the real kubectl) starts an upgrade the view shows;
 * {@code raftops status} reads the same API server through that kubeconfig.
 */
class SandboxKeepTest {

    @TempDir
    Path dir;

    static void until(Duration limit, BooleanSupplier done, Object what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for %s", limit, what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void aKeptSandboxAnswersKubectlAndShowsTheUpgradeAPatchStarts() throws Exception {
        boolean kubectl = new ProcessBuilder("sh", "-c", "command -v kubectl").start().waitFor() == 0;
        if (!kubectl) {
            assertThat("true".equals(System.getenv("CI"))).as("kubectl is missing; .ci/run installs it").isFalse();
            Assumptions.abort("kubectl is not installed (apt-get install kubernetes-client)");
        }
        Path kubeconfig = dir.resolve("kubeconfig");
        Path timeline = dir.resolve("tour.html");
        StringWriter out = new StringWriter();
        Thread sandbox = new Thread(() -> RaftopsCli.commandLine().setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(new StringWriter(), true)).execute("sandbox", "--keep", "--kubeconfig",
                        kubeconfig.toString(), "--timeline", timeline.toString(), "--then-blue-green", "none",
                        "--no-backup", "--ready-delay", "300", "--timeout", "120", "--log", dir.resolve("log").toString()));
        sandbox.start();
        try {
            until(Duration.ofSeconds(150), () -> out.toString().contains("keeps running"), out);
            assertThat(out.toString()).contains("export KUBECONFIG=" + kubeconfig.toAbsolutePath())
                    .contains("timeline written to " + timeline.toAbsolutePath());
            assertThat(Files.readString(timeline)).contains("<g class=\"lane\" data-pod=\"demo-0\">");

            Process patch = new ProcessBuilder("kubectl", "--kubeconfig", kubeconfig.toString(), "patch", "raftcluster",
                    "demo", "--type", "merge", "-p", "{\"spec\":{\"version\":\"2.4.5\"}}").redirectErrorStream(true).start();
            String said = new String(patch.getInputStream().readAllBytes());
            assertThat(patch.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(patch.exitValue()).as(said).isZero();
            until(Duration.ofSeconds(60), () -> out.toString().contains("upgrade=2.4.4->2.4.5"), out);

            System.setProperty("kubeconfig", kubeconfig.toString());
            StringWriter status = new StringWriter();
            int code;
            try {
                code = RaftopsCli.commandLine().setOut(new PrintWriter(status, true)).execute("status", "demo");
            } finally {
                System.clearProperty("kubeconfig");
            }
            assertThat(code).isZero();
            assertThat(status.toString()).contains("RaftCluster sandbox/demo:").contains("members (from ")
                    .containsPattern("(upgrading 2\\.4\\.4 → 2\\.4\\.5|runs 2\\.4\\.5)");
            Files.writeString(Path.of("target", "sandbox-status.txt"), status.toString());
        } finally {
            sandbox.interrupt();
            sandbox.join(30_000);
        }
        assertThat(List.of(sandbox.isAlive())).containsExactly(false);
    }
}
