package dev.raftops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jar of the controller image as packaged ({@code raftops.controller.jar}, set by the pom to
 * {@code target/raftops-controller.jar}; run by failsafe after {@code package}): the controller
 * and its tools, no mock API server, no simulator, no sandbox (docs/decisions/sandbox-module.md).
 */
class ControllerJarIT {

    private static final Path JAR = Path.of(System.getProperty("raftops.controller.jar",
            "target/raftops-controller.jar"));

    /** What only the sandbox needs: the embedded API server, the simulated cluster, the sandbox itself. */
    private static final List<String> NOT_IN_THE_IMAGE = List.of("io/fabric8/mockwebserver/",
            "io/fabric8/kubernetes/client/server/mock/", "okhttp3/mockwebserver/", "mockwebserver3/",
            "dev/raftops/simulator/", "dev/raftops/sandbox/");

    @Test
    void theJarCarriesTheControllerButNoMockApiServerNoSimulatorAndNoSandbox() throws Exception {
        List<String> entries;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = jar.stream().map(JarEntry::getName).toList();
        }

        assertThat(entries).as(JAR + " is the controller's shaded jar")
                .contains("dev/raftops/controller/cli/RaftopsCommand.class",
                        "dev/raftops/controller/ControllerRuntime.class",
                        "dev/raftops/adapters/fabric8/Fabric8Adapters.class", "picocli/CommandLine.class");
        assertThat(entries).as("entries only the sandbox needs")
                .filteredOn(e -> NOT_IN_THE_IMAGE.stream().anyMatch(e::startsWith)).isEmpty();
    }

    @Test
    void theJarsHelpListsRunPlanAndCrdButNoSandbox() throws Exception {
        Result help = java("--help");

        assertThat(help.code()).as(help.output()).isEqualTo(0);
        assertThat(help.output()).containsPattern("(?m)^  run ").containsPattern("(?m)^  plan ")
                .containsPattern("(?m)^  render ")
                .containsPattern("(?m)^  crd ").doesNotContain("sandbox");
    }

    @Test
    void sandboxIsAnUnknownCommandOfThisJarAnsweredInOneLineWithExitTwo() throws Exception {
        Result sandbox = java("sandbox", "--seed", "3");

        assertThat(sandbox.code()).as(sandbox.output()).isEqualTo(2);
        assertThat(sandbox.output().lines()).as(sandbox.output()).singleElement().asString()
                .startsWith("raftops: ").contains("'sandbox'").doesNotContain("Exception");
    }

    private record Result(int code, String output) {
    }

    /** {@code java -jar <the controller jar> ARGS}, stdout and stderr merged. */
    private static Result java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
