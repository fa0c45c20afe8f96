package dev.raftops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifests under controller-app/deploy stay in line with the code. */
class DeployManifestsTest {

    static final Path DEPLOY = Path.of("deploy");

    @SuppressWarnings("unchecked")
    static List<HasMetadata> load(String file) throws Exception {
        Object parsed = new KubernetesSerialization().unmarshal(Files.readString(DEPLOY.resolve(file)));
        return parsed instanceof List<?> list ? (List<HasMetadata>) list : List.of((HasMetadata) parsed);
    }

    /** The project version, from the root pom (the parent every module inherits it from). */
    static String projectVersion() throws Exception {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<artifactId>raftops-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).as("the root pom names its version").isTrue();
        return m.group(1);
    }

    @Test
    void theDeployedControllerAndTheDefaultExecutorImageCarryTheProjectVersion() throws Exception {
        Deployment deployment = (Deployment) load("deployment.yaml").get(0);
        String version = projectVersion();

        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("ghcr.io/raftops/raftops:" + version);
        assertThat(dev.raftops.adapters.fabric8.AdapterSettings.openBao().executorImage())
                .isEqualTo("ghcr.io/raftops/executor:" + version).doesNotEndWith(":latest");
    }

    @Test
    void theDeployedCrdIsTheGeneratedOne() throws Exception {
        try (InputStream in = Fabric8Adapters.class.getResourceAsStream(Fabric8Adapters.CRD_RESOURCE)) {
            assertThat(Files.readString(DEPLOY.resolve("crd.yaml")))
                    .as("copy adapters-fabric8/target/classes" + Fabric8Adapters.CRD_RESOURCE + " to deploy/crd.yaml")
                    .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void rbacNamesEveryVerbAndResourceWithoutWildcards() throws Exception {
        List<HasMetadata> rbac = load("rbac.yaml");
        ClusterRole role = rbac.stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast).findFirst()
                .orElseThrow();
        for (PolicyRule rule : role.getRules()) {
            assertThat(rule.getVerbs()).doesNotContain("*");
            assertThat(rule.getResources()).doesNotContain("*");
            assertThat(rule.getApiGroups()).doesNotContain("*");
        }
        assertThat(role.getRules()).anySatisfy(r -> assertThat(r.getResources()).contains("raftclusters/status"));
    }

    @Test
    void theDeploymentProbesTheHealthEndpointsAndRunsRestricted() throws Exception {
        Deployment deployment = (Deployment) load("deployment.yaml").get(0);
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        List<String> args = new java.util.ArrayList<>(List.of("run"));
        args.addAll(container.getArgs().subList(1, container.getArgs().size()));
        assertThat(container.getArgs().get(0)).isEqualTo("run");
        var parsed = new picocli.CommandLine(new RaftopsCommand()).parseArgs(args.toArray(String[]::new));
        assertThat(parsed.subcommand().matchedOptions()).as("every flag of the Deployment parses")
                .hasSize(container.getArgs().size() - 1);
    }

    @Test
    void theDeploymentsReplicasCompeteForTheLeaseAsTheCommandLineParsesTheirArguments() throws Exception {
        Deployment deployment = (Deployment) load("deployment.yaml").get(0);
        List<String> args = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();

        assertThat(deployment.getSpec().getReplicas()).as("a standby to take over").isGreaterThan(1);
        assertThat(RunCommandTest.parsed(args.toArray(String[]::new)).leaderElection())
                .as("%s with %d replicas: leader election on", args, deployment.getSpec().getReplicas()).isTrue();
    }
}
