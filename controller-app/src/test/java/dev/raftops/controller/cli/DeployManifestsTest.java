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
import java.util.Map;
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
        Deployment deployment = (Deployment) load("base/deployment.yaml").get(0);
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
    void theDeployedRestoreCrdIsTheGeneratedOne() throws Exception {
        try (InputStream in = Fabric8Adapters.class.getResourceAsStream(Fabric8Adapters.RESTORE_CRD_RESOURCE)) {
            assertThat(Files.readString(DEPLOY.resolve("restore-crd.yaml")))
                    .as("copy adapters-fabric8/target/classes" + Fabric8Adapters.RESTORE_CRD_RESOURCE
                            + " to deploy/restore-crd.yaml")
                    .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void rbacLetsTheControllerReadRestoresWriteTheirStatusAndTheirFinalizer() throws Exception {
        for (String file : List.of("rbac.yaml", "namespaced/role.yaml")) {
            List<PolicyRule> rules = load(file).stream()
                    .filter(o -> o instanceof ClusterRole || o instanceof io.fabric8.kubernetes.api.model.rbac.Role)
                    .map(o -> o instanceof ClusterRole c ? c.getRules()
                    : ((io.fabric8.kubernetes.api.model.rbac.Role) o).getRules()).findFirst().orElseThrow();
            assertThat(rules).as(file).anySatisfy(r -> {
                assertThat(r.getResources()).containsExactly("raftrestores");
                assertThat(r.getVerbs()).contains("watch", "patch");
            });
            assertThat(rules).as(file).anySatisfy(r -> assertThat(r.getResources()).contains("raftrestores/status"));
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
        Deployment deployment = (Deployment) load("base/deployment.yaml").get(0);
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
        Deployment deployment = (Deployment) load("base/deployment.yaml").get(0);
        List<String> args = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();

        assertThat(deployment.getSpec().getReplicas()).as("a standby to take over").isGreaterThan(1);
        assertThat(RunCommandTest.parsed(args.toArray(String[]::new)).leaderElection())
                .as("%s with %d replicas: leader election on", args, deployment.getSpec().getReplicas()).isTrue();
    }

    static Object yaml(String text) {
        return new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
                .loadFromString(text);
    }

    /** Every RBAC rule we ship: the cluster-wide ClusterRole, the namespaced Role, the Lease Role. */
    static List<PolicyRule> shippedRules() throws Exception {
        List<PolicyRule> rules = new java.util.ArrayList<>();
        for (String file : List.of("rbac.yaml", "namespaced/role.yaml", "base/leader-election.yaml")) {
            for (HasMetadata o : load(file)) {
                if (o instanceof ClusterRole c) {
                    rules.addAll(c.getRules());
                } else if (o instanceof io.fabric8.kubernetes.api.model.rbac.Role r) {
                    rules.addAll(r.getRules());
                }
            }
        }
        return rules;
    }

    @Test
    void neitherInstallationReadsSecrets() throws Exception {
        assertThat(shippedRules()).isNotEmpty().allSatisfy(r -> assertThat(r.getResources()).doesNotContain("secrets"));
    }

    @Test
    void theNamespacedRoleGrantsWhatTheClusterRoleGrantsInOneNamespace() throws Exception {
        ClusterRole cluster = load("rbac.yaml").stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast)
                .findFirst().orElseThrow();
        var role = load("namespaced/role.yaml").stream().filter(io.fabric8.kubernetes.api.model.rbac.Role.class::isInstance)
                .map(io.fabric8.kubernetes.api.model.rbac.Role.class::cast).findFirst().orElseThrow();

        assertThat(role.getRules()).isEqualTo(cluster.getRules());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNamespacedOverlayLeavesTheClusterRoleOutAndWatchesItsOwnNamespace() throws Exception {
        Map<String, Object> kustomization = (Map<String, Object>) yaml(Files.readString(DEPLOY.resolve("namespaced/kustomization.yaml")));
        List<String> resources = (List<String>) kustomization.get("resources");
        List<Map<String, Object>> patches = (List<Map<String, Object>>) kustomization.get("patches");
        List<Map<String, Object>> ops = (List<Map<String, Object>>) yaml((String) patches.get(0).get("patch"));
        Deployment deployment = (Deployment) load("base/deployment.yaml").get(0);
        List<String> args = new java.util.ArrayList<>(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs());
        args.add(((String) ops.get(0).get("value")).replace("$(POD_NAMESPACE)", "secrets"));

        assertThat(resources).containsExactlyInAnyOrder("../base", "role.yaml");
        assertThat(ops.get(0).get("path")).isEqualTo("/spec/template/spec/containers/0/args/-");
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .anySatisfy(e -> assertThat(e.getName()).isEqualTo("POD_NAMESPACE"));
        assertThat(RunCommandTest.parsed(args.toArray(String[]::new)).namespaces()).as("the controller watches %s", args)
                .containsExactly("secrets");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClusterWideInstallationAddsTheCrdNamespaceAndClusterRoleToTheBase() throws Exception {
        Map<String, Object> kustomization = (Map<String, Object>) yaml(Files.readString(DEPLOY.resolve("kustomization.yaml")));

        assertThat((List<String>) kustomization.get("resources")).containsExactly("namespace.yaml", "crd.yaml",
                "restore-crd.yaml", "rbac.yaml", "base");
        assertThat(Files.readString(DEPLOY.resolve("rbac.yaml"))).as("it states what it can reach")
                .contains("reaches, in", "No Secrets");
    }
}
