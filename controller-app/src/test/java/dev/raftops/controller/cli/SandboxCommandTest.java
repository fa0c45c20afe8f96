package dev.raftops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.check.InvariantChecker;
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

    private static List<String> ofCluster(List<String> lines, String cluster) {
        return lines.stream().filter(l -> l.contains("\"cluster\":\"sandbox/" + cluster + "\"")).toList();
    }

    @Test
    void theGuidedTourUpgradesRollsBacksUpThenCutsASecondClusterOverAndEachTracePassesTheChecker() throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        int code = sandbox("sandbox", "--seed", "7", "--leader", "2", "--ready-delay", "300", "--timeout", "120",
                "--trace", trace.toString());

        assertThat(code).as(out.toString()).isEqualTo(0);
        List<String> all = Files.readAllLines(trace);
        List<String> rolling = ofCluster(all, "demo");
        List<String> blueGreen = ofCluster(all, "demo-bg");
        assertThat(InvariantChecker.check(rolling)).as(String.join("\n", rolling)).isEmpty();
        assertThat(InvariantChecker.check(blueGreen)).as(String.join("\n", blueGreen)).isEmpty();
        assertThat(rolling).anyMatch(l -> l.contains("\"kind\":\"sts.partition\""))
                .anyMatch(l -> l.contains("\"kind\":\"pod.deleted\"") && l.contains("\"cause\":\"rollout\""))
                .anyMatch(l -> l.contains("\"kind\":\"pod.ready\"") && l.contains("\"version\":\"2.4.4\""))
                .anyMatch(l -> l.contains("\"kind\":\"job.finished\"") && l.contains("\"action\":\"backup\"")
                        && l.contains("\"result\":\"succeeded\""))
                .anyMatch(l -> l.contains("\"kind\":\"run.end\"") && l.contains("\"result\":\"converged\""));
        assertThat(blueGreen).anyMatch(l -> l.contains("\"kind\":\"service.selector\""))
                .anyMatch(l -> l.contains("\"kind\":\"run.end\"") && l.contains("\"result\":\"converged\"")
                        && l.contains("\"currentVersion\":\"2.5.0\""));
        assertThat(out.toString()).contains("backup done: job demo-backup-")
                .contains("done: demo runs 2.4.4 (rolling), demo-bg runs 2.5.0 (blue/green)");
    }

    @Test
    void thenBlueGreenNoneEndsTheTourAfterTheRollingUpgrade() {
        int code = sandbox("sandbox", "--seed", "7", "--ready-delay", "300", "--timeout", "60", "--no-backup",
                "--then-blue-green", "none");

        assertThat(code).as(out.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("done: the cluster runs 2.4.4").doesNotContain("demo-bg");
    }

    @Test
    void toursABlueGreenCutoverAndTheTracePassesTheInvariantChecker() throws Exception {
        Path trace = dir.resolve("bluegreen.jsonl");
        int code = sandbox("sandbox", "--strategy", "BlueGreen", "--from", "2.4.0", "--to", "2.5.0", "--seed", "9",
                "--leader", "1", "--ready-delay", "300", "--timeout", "60", "--trace", trace.toString());

        assertThat(code).as(out.toString()).isEqualTo(0);
        List<String> lines = Files.readAllLines(trace);
        assertThat(InvariantChecker.check(lines)).as(String.join("\n", lines)).isEmpty();
        assertThat(lines).anyMatch(l -> l.contains("\"kind\":\"run.start\"") && l.contains("\"strategy\":\"BlueGreen\""))
                .anyMatch(l -> l.contains("\"kind\":\"raft.member\"") && l.contains("\"voter\":false"))
                .anyMatch(l -> l.contains("\"action\":\"promote-green\"") && l.contains("\"result\":\"succeeded\""))
                .anyMatch(l -> l.contains("\"cause\":\"garbage-collection\""))
                .anyMatch(l -> l.contains("\"kind\":\"run.end\"") && l.contains("\"result\":\"converged\""));
        assertThat(lines.stream().filter(l -> l.contains("\"kind\":\"service.selector\"")).count())
                .as("unpinned, pinned to Blue, switched to Green").isEqualTo(3);
        assertThat(out.toString()).contains("non-voter").contains("blueGreen=Syncing").contains("traffic=")
                .contains("done: the cluster runs 2.5.0");
    }

    @Test
    void aDowngradeEndsBlockedWithItsReason() {
        int code = sandbox("sandbox", "--from", "2.4.0", "--to", "2.3.0", "--seed", "3", "--ready-delay", "300",
                "--timeout", "60");

        assertThat(code).as(out.toString()).isEqualTo(2);
        assertThat(out.toString()).contains("blocked: DowngradeBlocked");
    }

    @Test
    void noBackupSkipsTheManualBackupAndBackupIsTheDefault() {
        SandboxCommand skipped = new SandboxCommand();
        new CommandLine(skipped).parseArgs("--no-backup");
        SandboxCommand defaulted = new SandboxCommand();
        new CommandLine(defaulted).parseArgs();
        assertThat(skipped.backup).isFalse();
        assertThat(defaulted.backup).isTrue();
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
                "--no-backup", "--then-blue-green", "none", "--fault", "controller-crash@3", "--trace", trace.toString());

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
