package dev.raftops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.runtime.ClusterRuntime;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxEnvironmentTest {

    @Test
    void theControllersHealthAndMetricsPortsAreBoundToLoopbackOnly() throws Exception {
        ClusterRuntime.Settings settings = new ClusterRuntime.Settings("sandbox", 1, Duration.ofMillis(100),
                Duration.ZERO, Duration.ZERO, null, null);
        try (SandboxEnvironment environment = SandboxEnvironment.open(settings)) {
            environment.start();

            List<InetSocketAddress> bound = environment.endpointAddresses().values().stream()
                    .flatMap(List::stream).toList();
            assertThat(bound).isNotEmpty().allSatisfy(a -> assertThat(a.getAddress().isLoopbackAddress())
                    .as(a.toString()).isTrue());
        }
    }
}
