package dev.raftops.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI jar a person runs, as packaged ({@code raftops.cli.jar}, set by the pom to
 * {@code target/raftops.jar}; run by failsafe after {@code package}): the controller's commands and
 * the sandbox with its embedded API server (docs/decisions/sandbox-module.md).
 */
class CliJarIT {

    private static final Path JAR = Path.of(System.getProperty("raftops.cli.jar", "target/raftops.jar"));

    @TempDir
    Path dir;

    @Test
    void theJarCarriesTheControllerTheSandboxAndItsEmbeddedApiServer() throws Exception {
        List<String> entries;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = jar.stream().map(JarEntry::getName).toList();
        }

        assertThat(entries).contains("dev/raftops/controller/cli/RaftopsCommand.class",
                "dev/raftops/sandbox/cli/SandboxCommand.class", "dev/raftops/simulator/runtime/ClusterRuntime.class",
                "io/fabric8/kubernetes/client/server/mock/KubernetesMockServer.class");
    }

    @Test
    void javaDashJarSandboxRunsTheTourToItsEndWithExitZero() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString(), "sandbox", "--seed", "3", "--ready-delay", "100",
                "--timeout", "120", "--no-backup", "--then-blue-green", "none", "--log",
                dir.resolve("sandbox.log").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isEqualTo(0);
        assertThat(output).contains("done: the cluster runs 2.4.4")
                .contains("summary sandbox/demo: 2.4.0 -> 2.4.4 RollingUpdate, converged");
    }
}
