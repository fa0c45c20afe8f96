package dev.raftops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.controller.ControllerSettings;
import io.fabric8.kubernetes.client.Config;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code raftops run} as the real command line parses and runs it. */
class RunCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> savedProperties = new HashMap<>();

    /** What {@code raftops <args>} would start {@code run} with, without starting it. */
    static ControllerSettings parsed(String... args) {
        CommandLine.ParseResult result = new CommandLine(new RaftopsCommand()).parseArgs(args);
        assertThat(result.subcommand()).as("a run command line").isNotNull();
        RunCommand run = (RunCommand) result.subcommand().commandSpec().userObject();
        return run.settings();
    }

    private int execute(String... args) {
        CommandLine cli = new CommandLine(new RaftopsCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private void setProperty(String name, String value) {
        savedProperties.putIfAbsent(name, System.getProperty(name));
        setOrClear(name, value);
    }

    /** Sets the system property, or clears it when {@code value} is null (as if it was never set). */
    private static void setOrClear(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    @AfterEach
    void restoreProperties() {
        savedProperties.forEach(RunCommandTest::setOrClear);
    }

    @Test
    void withoutAFlagLeaderElectionIsOn() {
        assertThat(parsed("run").leaderElection()).isTrue();
    }

    @Test
    void theLeaderElectionFlagTurnsLeaderElectionOn() {
        assertThat(parsed("run", "--leader-election").leaderElection()).isTrue();
    }

    @Test
    void theNoLeaderElectionFlagTurnsLeaderElectionOff() {
        assertThat(parsed("run", "--no-leader-election").leaderElection()).isFalse();
    }

    @Test
    void theLeaseLastsFifteenSecondsUnlessTheLeaseDurationSaysOtherwise() {
        assertThat(parsed("run").leaseDuration()).isEqualTo(Duration.ofSeconds(15));
        ControllerSettings shorter = parsed("run", "--lease-duration", "6");
        assertThat(shorter.leaseDuration()).isEqualTo(Duration.ofSeconds(6));
        assertThat(shorter.renewDeadline()).isEqualTo(Duration.ofSeconds(4));
        assertThat(shorter.retryPeriod()).isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void withNoKubeconfigAndNoClusterRunSaysInOneLineThatNoApiWasFoundAndHowToGiveOne() {
        setProperty(Config.KUBERNETES_KUBECONFIG_FILE, dir.resolve("no-such-kubeconfig").toString());
        setProperty(Config.KUBERNETES_AUTH_TRYSERVICEACCOUNT_SYSTEM_PROPERTY, "false");
        setProperty(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY, null);

        int code = execute("run", "--health-port", "0", "--metrics-port", "0");

        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString().lines()).as("one line").hasSize(1).first().asString()
                .startsWith("raftops run: no Kubernetes API found")
                .contains(dir.resolve("no-such-kubeconfig").toString())
                .contains("KUBECONFIG").contains("~/.kube/config").contains("pod with a service account");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anApiServerThatDoesNotAnswerIsOneLineNamingItAndExitOne() throws Exception {
        Path kubeconfig = dir.resolve("kubeconfig");
        // port 1 on loopback: nothing listens there, the connection is refused at once
        java.nio.file.Files.writeString(kubeconfig, String.join("\n", "apiVersion: v1", "kind: Config",
                "clusters: [{name: c, cluster: {server: 'http://127.0.0.1:1'}}]",
                "users: [{name: u, user: {token: t}}]",
                "contexts: [{name: c, context: {cluster: c, user: u}}]", "current-context: c", ""));
        setProperty(Config.KUBERNETES_KUBECONFIG_FILE, kubeconfig.toString());
        setProperty(Config.KUBERNETES_REQUEST_RETRY_BACKOFFLIMIT_SYSTEM_PROPERTY, "0");

        int code = execute("run", "--health-port", "0", "--metrics-port", "0");

        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(err.toString().lines()).as("one line").hasSize(1).first().asString()
                .startsWith("raftops run: cannot reach the Kubernetes API at http://127.0.0.1:1/")
                .contains("Connection refused");
    }

    @Test
    void anOutOfRangeOptionIsOneLineNamingItAndExitTwo() {
        int code = execute("run", "--workers", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("raftops run: --workers 0: must be at least 1");
    }

    @Test
    void aLeaseShorterThanTwoSecondsIsRefused() {
        int code = execute("run", "--lease-duration", "1");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "raftops run: --lease-duration 1: must be a whole number of seconds, at least 2");
    }

    @Test
    void theHelpShowsEveryDefaultAndTheExitCodes() {
        int code = execute("run", "--help");

        assertThat(code).isZero();
        String help = out.toString();
        // picocli wraps descriptions at the terminal's width: compare with the wrapping undone
        assertThat(help.replaceAll("\\s+", " ")).contains("--health-port=PORT").contains("(default: 8081)")
                .contains("--metrics-port=PORT").contains("(default: 8080)")
                .contains("--workers=COUNT").contains("(default: 4)")
                .contains("--lease-duration=SECONDS").contains("(default: 15)")
                .contains("(default: true)")
                .contains("(default: all namespaces)");
        assertThat(help.substring(help.indexOf("Exit codes:")).lines().map(String::strip))
                .anyMatch(l -> l.startsWith("0") && l.contains("stopped on request"))
                .anyMatch(l -> l.startsWith("1") && l.contains("Lease was lost"))
                .anyMatch(l -> l.startsWith("2") && l.contains("no Kubernetes API found"));
    }
}
