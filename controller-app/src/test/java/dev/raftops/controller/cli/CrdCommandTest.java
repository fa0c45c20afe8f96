package dev.raftops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CrdCommandTest {

    @Test
    void helpShowsWhatItPrintsAndTheExitCodes() {
        StringWriter out = new StringWriter();
        CommandLine cli = RaftopsCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));

        int code = cli.execute("crd", "--help");

        assertThat(code).isEqualTo(0);
        assertThat(out.toString()).contains("CustomResourceDefinition").contains("Exit codes:")
                .containsPattern("(?m)^  0 +the CRD was printed").containsPattern("(?m)^  1 +the CRD is missing")
                .containsPattern("(?m)^  2 +a bad option");
    }

    @Test
    void anUnknownOptionIsOneLineAndExitTwo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RaftopsCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("crd", "--output", "json");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("raftops crd: ")
                .contains("--output");
        assertThat(out.toString()).isEmpty();
    }
}
