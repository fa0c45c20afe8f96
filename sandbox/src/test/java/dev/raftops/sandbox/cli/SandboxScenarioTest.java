package dev.raftops.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.check.InvariantChecker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code raftops sandbox --scenario restart|restore}, through the shipped command line. */
class SandboxScenarioTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int sandbox(String scenario, Path trace) {
        var cli = RaftopsCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        return cli.execute("sandbox", "--scenario", scenario, "--seed", "5", "--ready-delay", "300", "--timeout", "90",
                "--trace", trace.toString(), "--log", dir.resolve("sandbox.log").toString());
    }

    /** Runs {@code scenario}, which exits 0; its trace, which the InvariantChecker passes. */
    private List<String> checkedTrace(String scenario) throws java.io.IOException {
        Path trace = dir.resolve(scenario + ".jsonl");
        int code = sandbox(scenario, trace);
        assertThat(code).as(out.toString()).isEqualTo(0);
        List<String> lines = Files.readAllLines(trace);
        assertThat(InvariantChecker.check(lines)).as(String.join("\n", lines)).isEmpty();
        return lines;
    }

    /** The cluster's trace from the operator's request of {@code request} on. */
    private static List<String> after(List<String> lines, String request) {
        int asked = lines.indexOf(lines.stream().filter(l -> l.contains("\"kind\":\"operator\"")
                && l.contains("\"request\":\"" + request + "\"")).findFirst().orElseThrow());
        return lines.subList(asked, lines.size());
    }

    private static void eachPodDeletedOnce(List<String> lines) {
        for (int ordinal = 0; ordinal < 3; ordinal++) {
            String pod = "\"pod\":\"demo-" + ordinal + "\"";
            assertThat(lines.stream().filter(l -> l.contains("\"kind\":\"pod.deleted\"") && l.contains(pod)).count())
                    .as("demo-" + ordinal + " restarted once\n" + String.join("\n", lines)).isEqualTo(1);
        }
    }

    @Test
    void theRestartScenarioRollsEveryPodOnceTheLeaderLastAndItsTracePassesTheChecker() throws Exception {
        List<String> restart = after(checkedTrace("restart"), "restart");
        eachPodDeletedOnce(restart);
        assertThat(restart).anyMatch(l -> l.contains("\"action\":\"step-down\"") && l.contains("\"succeeded\""))
                .noneMatch(l -> l.contains("\"kind\":\"pod.deleted\"") && l.contains("\"leader\":true"));
        String text = out.toString().replaceAll("\\R {10}", " ");
        assertThat(text).containsPattern("done: restart \\S+Z handled .*3 of 3 members restarted, one at a time: "
                + "demo-\\d, demo-\\d, demo-\\d \\(demo-\\d the leader, after its step-down\\); the cluster runs 2.4.0")
                .contains("summary sandbox/demo: 2.4.0 -> 2.4.0 RollingUpdate, converged")
                .contains("3 pods restarted, 1 step-down");
        assertThat(out.toString().lines()).allMatch(l -> l.length() <= SandboxCommand.WIDTH);
    }

    @Test
    void theRestoreScenarioBacksUpRestoresTheLatestBackupRestartingEachMemberOnceAndItsTracePassesTheChecker()
            throws Exception {
        List<String> restore = after(checkedTrace("restore"), "restore");
        eachPodDeletedOnce(restore);
        assertThat(restore).anyMatch(l -> l.contains("\"action\":\"restore\"") && l.contains("\"succeeded\""));
        String text = out.toString().replaceAll("\\R {10}", " ");
        assertThat(text).contains("backup done: job demo-backup-")
                .contains("restore demo-restore phase RestartingMembers")
                .containsPattern("done: restore demo-restore .*Completed; object sandbox/demo/manual/\\S+\\.snap")
                .contains("3 of 3 members restarted, one at a time");
        assertThat(out.toString().lines()).allMatch(l -> l.length() <= SandboxCommand.WIDTH);
    }
}
