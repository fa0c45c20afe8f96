package dev.raftops.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.check.InvariantChecker;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SandboxCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The shipped command line, its logs in the test's directory unless the arguments name a file. */
    private int sandbox(String... args) {
        CommandLine cli = RaftopsCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--log") && !all.contains("--verbose") && !all.contains("--help")) {
            all.add("--log");
            all.add(dir.resolve("sandbox.log").toString());
        }
        return cli.execute(all.toArray(String[]::new));
    }

    private static List<String> ofCluster(List<String> lines, String cluster) {
        return lines.stream().filter(l -> l.contains("\"cluster\":\"sandbox/" + cluster + "\"")).toList();
    }

    @Test
    void theGuidedTourRollsBacksUpThenSwitchesTheSameClusterToBlueGreenAndCutsItOverAndTheTracePassesTheChecker()
            throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        int code = sandbox("sandbox", "--seed", "7", "--leader", "2", "--ready-delay", "300", "--timeout", "120",
                "--trace", trace.toString());

        assertThat(code).as(out.toString()).isEqualTo(0);
        List<String> all = Files.readAllLines(trace);
        List<String> rolling = ofCluster(all, "demo");
        assertThat(InvariantChecker.check(rolling)).as(String.join("\n", rolling)).isEmpty();
        int switched = rolling.indexOf(rolling.stream().filter(l -> l.contains("\"request\":\"strategy\""))
                .findFirst().orElseThrow());
        int cutover = rolling.indexOf(rolling.stream().filter(l -> l.contains("\"version\":\"2.5.0\"")
                && l.contains("\"kind\":\"operator\"")).findFirst().orElseThrow());
        List<String> blueGreen = rolling.subList(switched, rolling.size());
        assertThat(rolling.subList(switched, cutover)).as("the switch restarts no pod")
                .noneMatch(l -> l.contains("\"kind\":\"pod.deleted\"") || l.contains("\"kind\":\"pod.created\""))
                .anyMatch(l -> l.contains("\"kind\":\"pod.labelled\""));
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
                .contains("done: demo runs 2.5.0 (rolled to 2.4.4, then blue/green)").doesNotContain("demo-bg");
        assertThat(all).as("every Job ended as its executor did")
                .filteredOn(l -> l.contains("\"kind\":\"job.finished\"")).isNotEmpty()
                .allMatch(l -> l.contains("\"exitCode\":"));
        assertThat(out.toString()).as("the backup object and the bucket are shown")
                .containsPattern("backup object sandbox/demo/manual/\\S+\\.snap\\s+\\d+ bytes\\s+sha256\\s+[0-9a-f]{64}")
                .containsPattern("bucket raftops-snapshots at http://127\\.0\\.0\\.1:\\d+: 1 object");
        assertThat(summary("demo")).startsWith("summary sandbox/demo: 2.4.0 -> 2.4.4 RollingUpdate, converged");
        assertThat(out.toString().replaceAll("\\R {10}", " ")).containsPattern(
                "summary sandbox/demo: 2.4.4 -> 2.5.0 BlueGreen, converged .*0 pods restarted, 3 pods created, "
                        + "3 pods removed, 0 step-downs");
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
        List<String> lines = safeTrace(trace);
        assertThat(lines).anyMatch(l -> l.contains("\"kind\":\"run.start\"") && l.contains("\"strategy\":\"BlueGreen\""))
                .anyMatch(l -> l.contains("\"kind\":\"raft.member\"") && l.contains("\"voter\":false"))
                .anyMatch(l -> l.contains("\"action\":\"promote-green\"") && l.contains("\"result\":\"succeeded\""))
                .anyMatch(l -> l.contains("\"cause\":\"garbage-collection\""))
                .anyMatch(l -> l.contains("\"kind\":\"run.end\"") && l.contains("\"result\":\"converged\""));
        assertThat(lines.stream().filter(l -> l.contains("\"kind\":\"service.selector\"")).count())
                .as("unpinned, pinned to Blue, switched to Green").isEqualTo(3);
        // Green's pods answer their API as uninitialised until they join (status.members, as the controller saw it)
        assertThat(out.toString()).contains("2.5.0 Ready uninitialised").contains("blueGreen=Syncing").contains("traffic=")
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
        int code = sandbox("sandbox", "--fault", "controller-crash@3", "--fault", "disk-full@1");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--fault").contains("disk-full@1").contains("is not a fault");
    }

    @Test
    void aControllerCrashedAfterItsThirdWriteIsReplacedAndTheUpgradeStillConverges() throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        int code = sandbox("sandbox", "--seed", "5", "--leader", "0", "--ready-delay", "300", "--timeout", "60",
                "--no-backup", "--then-blue-green", "none", "--fault", "controller-crash@3", "--trace", trace.toString());

        assertThat(code).as(out.toString()).isEqualTo(0);
        List<String> lines = safeTrace(trace);
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
    @Test
    void twelveReplicasAreShownInOrdinalOrderWithShortRevisionsAndNoLineWiderThanTheTerminal() {
        int code = sandbox("sandbox", "--replicas", "12", "--seed", "4", "--ready-delay", "100", "--no-backup",
                "--timeout", "170");

        assertThat(code).as(out.toString()).isEqualTo(0);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(SandboxCommand.WIDTH));
        Pattern pod = Pattern.compile("\\b(demo(?:-bg-[0-9a-f]+)?)-(\\d+)(?:\\.\\.(\\d+))? \\d");
        boolean twoDigitsAfterOneDigit = false;
        for (String line : lines) {
            Matcher m = pod.matcher(line);
            String set = null;
            int last = -1;
            while (m.find()) {
                int first = Integer.parseInt(m.group(2));
                if (m.group(1).equals(set)) {
                    assertThat(first).as("ordinals as numbers, in order: " + line).isGreaterThan(last);
                    twoDigitsAfterOneDigit |= last < 10 && first >= 10;
                }
                set = m.group(1);
                last = m.group(3) == null ? first : Integer.parseInt(m.group(3));
            }
        }
        assertThat(twoDigitsAfterOneDigit).as("some line lists demo-10 or demo-11 after a one-digit ordinal").isTrue();
        assertThat(out.toString()).containsPattern("demo-[0-9a-f]{4}-\\d")
                .doesNotContainPattern("demo-[0-9a-f]{5,}-\\d").doesNotContainPattern("traffic=[0-9a-f]{5,}");
    }

    @Test
    void theSummaryCountsWhatHappenedALeaderRestartedLastStepsDownOnce() throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        int code = sandbox("sandbox", "--seed", "5", "--leader", "0", "--ready-delay", "200", "--timeout", "90",
                "--then-blue-green", "none", "--trace", trace.toString());

        assertThat(code).as(out.toString()).isEqualTo(0);
        List<String> lines = Files.readAllLines(trace);
        long stepDowns = lines.stream().filter(l -> l.contains("\"kind\":\"job.finished\"")
                && l.contains("\"action\":\"step-down\"") && l.contains("\"result\":\"succeeded\"")).count();
        assertThat(stepDowns).isEqualTo(1);
        assertThat(summary("demo")).startsWith("summary sandbox/demo: 2.4.0 -> 2.4.4 RollingUpdate, converged after ")
                .contains("3 pods restarted, 1 step-down, 1 leader election, backup demo-backup-");
    }

    @Test
    void theSummaryCountsWhatHappenedALeaderRestartedFirstMeansTwoStepDownsAndTwoElections() {
        int code = sandbox("sandbox", "--seed", "5", "--leader", "2", "--ready-delay", "200", "--timeout", "90",
                "--no-backup", "--then-blue-green", "none");

        assertThat(code).as(out.toString()).isEqualTo(0);
        assertThat(summary("demo")).contains("3 pods restarted, 2 step-downs, 2 leader elections, backup none");
    }

    /** The summary of {@code cluster}, its wrapped lines joined again. */
    private String summary(String cluster) {
        String text = out.toString().replaceAll("\\R {10}", " ");
        Matcher m = Pattern.compile("summary sandbox/" + cluster + ": .*").matcher(text);
        assertThat(m.find()).as(out.toString()).isTrue();
        return m.group();
    }

    @Test
    void theControllersHealthAndMetricsListenOnLoopbackOnly() {
        int code = sandbox("sandbox", "--replicas", "1", "--seed", "7", "--ready-delay", "0", "--timeout", "60",
                "--no-backup", "--then-blue-green", "none");

        assertThat(code).as(out.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("controller health and metrics on http://127.0.0.1:");
    }

    @Test
    void helpShowsTheDefaultsTheLimitsAndTheExitCodes() {
        int code = sandbox("sandbox", "--help");

        assertThat(code).isEqualTo(0);
        assertThat(out.toString()).contains("Default: 3").contains("1 to 15").contains("Default: 180")
                .contains("Default: 2.5.0").contains("Exit codes:").containsPattern("(?m)^  0 +the cluster")
                .containsPattern("(?m)^  1 +--timeout passed").containsPattern("(?m)^  2 +blocked");
    }

    @Test
    void byDefaultTheLogsGoToAFileNamedAtTheEndAndStdoutCarriesOnlyTheView() throws Exception {
        Path log = dir.resolve("run.log");
        Process run = packagedCommand("sandbox", "--seed", "2", "--ready-delay", "100", "--timeout", "90",
                "--no-backup", "--then-blue-green", "none", "--log", log.toString());
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(run.waitFor()).as(output).isEqualTo(0);
        List<String> lines = output.lines().toList();
        assertThat(lines).as(output).allMatch(l -> l.matches(" *[0-9]+\\.[0-9]s  \\S.*| {10}\\S.*"));
        assertThat(output).doesNotContain("v1alpha1").doesNotContain("INFO").doesNotContain("WARN");
        assertThat(lines.get(lines.size() - 1)).endsWith("logs written to " + log);
        assertThat(Files.readString(log)).contains("v1alpha1");
    }

    @Test
    void verboseShowsTheLogsBetweenTheLinesOfTheView() throws Exception {
        Process run = packagedCommand("sandbox", "--seed", "2", "--ready-delay", "100", "--timeout", "90",
                "--no-backup", "--then-blue-green", "none", "--verbose");
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(run.waitFor()).as(output).isEqualTo(0);
        assertThat(output).contains("v1alpha1").contains("done: the cluster runs 2.4.4")
                .doesNotContain("logs written to");
    }

    /** {@code raftops ARGS} in a JVM of its own, stdout and stderr merged as a terminal shows them. */
    /** The trace a run wrote to {@code file}, after the invariant checker found nothing wrong in it. */
    private static List<String> safeTrace(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertThat(InvariantChecker.check(lines)).as(String.join("\n", lines)).isEmpty();
        return lines;
    }

    private static Process packagedCommand(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), RaftopsCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void versionsWrittenWithALeadingVInitialiseAndUpgradeOnTheImageTaggedWithoutIt() throws Exception {
        Path trace = dir.resolve("v.jsonl");
        int code = sandbox("sandbox", "--from", "v2.4.0", "--to", "v2.4.4", "--seed", "7", "--ready-delay", "300",
                "--timeout", "60", "--no-backup", "--then-blue-green", "none", "--trace", trace.toString());

        assertThat(code).as(out.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("done: the cluster runs v2.4.4");
        List<String> lines = safeTrace(trace);
        assertThat(lines).filteredOn(l -> l.contains("\"kind\":\"sts.template\""))
                .as("the template names the tags the repository publishes")
                .allMatch(l -> l.contains("\"image\":\"quay.io/openbao/openbao:2.4."));
        assertThat(lines).anyMatch(l -> l.contains("\"kind\":\"pod.ready\"") && l.contains("\"version\":\"2.4.4\""));
    }

    @Test
    void aTargetThatDiffersOnlyInBuildMetadataEndsAtOnceWithTheControllersSentenceAndNoRestart() throws Exception {
        Path trace = dir.resolve("build.jsonl");
        int code = sandbox("sandbox", "--from", "2.4.0", "--to", "2.4.0+build.7", "--seed", "7", "--ready-delay", "300",
                "--timeout", "60", "--trace", trace.toString());

        assertThat(code).as(out.toString()).isEqualTo(0);
        assertThat(out.toString().replaceAll("\\R {10}", " ")).as("the view's wrapped lines joined")
                .contains("done: spec.version 2.4.0+build.7 differs from the running 2.4.0 only in "
                        + "build metadata: the image tag stays 2.4.0, nothing to roll")
                .doesNotContain("timed out").doesNotContain("manual backup").doesNotContain("demo-bg");
        List<String> lines = safeTrace(trace);
        assertThat(lines).noneMatch(l -> l.contains("\"kind\":\"pod.deleted\""));
    }
}
