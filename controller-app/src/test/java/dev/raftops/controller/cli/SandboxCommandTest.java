package dev.raftops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.InvariantChecker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SandboxCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int sandbox(String... args) {
        CommandLine cli = new CommandLine(new RaftopsCommand());
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void upgradesThreeReplicasAndTheTracePassesTheInvariantChecker() throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        int code = sandbox("sandbox", "--replicas", "3", "--from", "2.4.0", "--to", "2.4.4", "--seed", "7",
                "--leader", "2", "--ready-delay", "300", "--timeout", "60", "--trace", trace.toString());

        assertThat(code).as(out.toString()).isEqualTo(0);
        List<String> lines = Files.readAllLines(trace);
        assertThat(InvariantChecker.check(lines)).as(String.join("\n", lines)).isEmpty();
        assertThat(lines).anyMatch(l -> l.contains("\"kind\":\"sts.partition\""))
                .anyMatch(l -> l.contains("\"kind\":\"pod.deleted\"") && l.contains("\"cause\":\"rollout\""))
                .anyMatch(l -> l.contains("\"kind\":\"pod.ready\"") && l.contains("\"version\":\"2.4.4\""))
                .anyMatch(l -> l.contains("\"kind\":\"job.finished\"") && l.contains("\"action\":\"backup\"")
                        && l.contains("\"result\":\"succeeded\""))
                .anyMatch(l -> l.contains("\"kind\":\"run.end\"") && l.contains("\"result\":\"converged\""));
        assertThat(out.toString()).contains("backup done: job demo-backup-").contains("done: the cluster runs 2.4.4");
    }

    @Test
    void aDowngradeEndsBlockedWithItsReason() {
        int code = sandbox("sandbox", "--from", "2.4.0", "--to", "2.3.0", "--seed", "3", "--ready-delay", "300",
                "--timeout", "60");

        assertThat(code).as(out.toString()).isEqualTo(2);
        assertThat(out.toString()).contains("blocked: DowngradeBlocked");
    }

    @Test
    void aBadFaultIsAUsageErrorNamingIt() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RaftopsCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("sandbox", "--fault", "controller-crash@3", "--fault", "disk-full@1");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--fault").contains("disk-full@1").contains("is not a fault");
    }

    @Test
    void aControllerCrashedAfterItsThirdWriteIsReplacedAndTheUpgradeStillConverges() throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        int code = sandbox("sandbox", "--seed", "5", "--leader", "0", "--ready-delay", "300", "--timeout", "60",
                "--no-backup", "--fault", "controller-crash@3", "--trace", trace.toString());

        assertThat(code).as(out.toString()).isEqualTo(0);
        List<String> lines = Files.readAllLines(trace);
        assertThat(InvariantChecker.check(lines)).as(String.join("\n", lines)).isEmpty();
        assertThat(lines).anyMatch(l -> l.contains("\"kind\":\"fault\"") && l.contains("\"fault\":\"controller-crash\"")
                && l.contains("\"afterWrite\":3"))
                .anyMatch(l -> l.contains("\"kind\":\"controller.start\"") && l.contains("\"instance\":\"controller-2\""));
        assertThat(out.toString()).contains("faults from now on: controller-crash@3")
                .contains("fault: controller-1 crashed right after write 3; controller-2 started");
        assertThat(lines).as("--no-backup: no backup Job").noneMatch(l -> l.contains("\"action\":\"backup\""));
    }

    @Test
    void aPodThatNeverGetsReadyEndsBlockedWithPodNotReady() {
        int code = sandbox("sandbox", "--seed", "5", "--leader", "0", "--ready-delay", "300", "--timeout", "60",
                "--no-backup", "--fault", "pod-never-ready@2", "--pod-ready-timeout", "2s");

        assertThat(code).as(out.toString()).isEqualTo(2);
        assertThat(out.toString()).contains("blocked: PodNotReady");
    }
}
