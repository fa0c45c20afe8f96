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
                .containsPattern("(?m)^  0 +the CRDs were printed").containsPattern("(?m)^  1 +a CRD is missing")
                .containsPattern("(?m)^  2 +a bad option");
    }

    @Test
    void bothCustomResourceDefinitionsArePrintedAsTwoDocumentsForKubectlApply() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.out;
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            code = RaftopsCommand.commandLine().execute("crd");
        } finally {
            System.setOut(before);
        }

        assertThat(code).isZero();
        var serialization = new io.fabric8.kubernetes.client.utils.KubernetesSerialization();
        java.util.List<String> names = java.util.Arrays.stream(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)
                .split("(?m)^---$")).map(doc -> serialization.unmarshal(doc,
                        io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition.class).getMetadata()
                        .getName()).toList();
        assertThat(names).containsExactly("raftclusters.raftops.dev", "raftrestores.raftops.dev");
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
