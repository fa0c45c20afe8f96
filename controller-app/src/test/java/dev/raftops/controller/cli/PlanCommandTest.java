package dev.raftops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlanCommandTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int plan(String yaml, String... args) throws Exception {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, yaml);
        PlanCommand command = new PlanCommand();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        String[] all = new String[args.length + 2];
        all[0] = "-f";
        all[1] = file.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new CommandLine(command).execute(all);
    }

    static String cluster(String version, int replicas) {
        return """
                apiVersion: raftops.dev/v1alpha1
                kind: RaftCluster
                metadata:
                  name: bao
                  namespace: secrets
                spec:
                  version: "%s"
                  replicas: %d
                status:
                  currentVersion: 2.4.0
                """.formatted(version, replicas);
    }

    @Test
    void anUpgradeIsAllowedWithItsStepsHighestOrdinalFirst() throws Exception {
        assertThat(plan(cluster("2.4.4", 3), "--output", "json", "--leader", "1")).isZero();
        assertThat(out.toString()).isEqualTo("{\"drift\":\"upgrade\",\"allowed\":true,\"reason\":null,\"message\":null,"
                + "\"steps\":[{\"ordinal\":2,\"stepDown\":false},{\"ordinal\":1,\"stepDown\":true},"
                + "{\"ordinal\":0,\"stepDown\":false}],\"warnings\":[]}\n");
    }

    @Test
    void aDowngradeIsNotAllowedAndSaysWhy() throws Exception {
        assertThat(plan(cluster("2.3.0", 3))).isZero();
        assertThat(out.toString()).contains("drift:   downgrade").contains("allowed: false (DowngradeBlocked");
    }

    @Test
    void aBadDocumentExitsTwoNamingTheField() throws Exception {
        assertThat(plan(cluster("2.4.4", 0))).isEqualTo(2);
        assertThat(err.toString()).startsWith("raftops plan: ").contains("spec.replicas");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void unreadableYamlExitsTwo() throws Exception {
        assertThat(plan("spec: [unclosed")).isEqualTo(2);
        assertThat(err.toString()).startsWith("raftops plan: cannot read");
    }
}
