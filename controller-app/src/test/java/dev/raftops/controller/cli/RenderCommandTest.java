package dev.raftops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code raftops render} through the real command line, on the RaftCluster examples of docs/user-guide.md. */
class RenderCommandTest {

    static final Pattern YAML_BLOCK = Pattern.compile("(?m)^( *)```yaml\\n(.*?)^\\1```", Pattern.DOTALL);

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** The user guide's RaftCluster examples, by name. */
    static Map<String, String> examples() throws Exception {
        Matcher m = YAML_BLOCK.matcher(Files.readString(Path.of("..", "docs", "user-guide.md")));
        Map<String, String> out = new java.util.LinkedHashMap<>();
        while (m.find()) {
            String indent = m.group(1);
            String yaml = m.group(2).lines().map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l)
                    .reduce("", (a, b) -> a + b + "\n");
            if (yaml.contains("kind: RaftCluster")) {
                Matcher name = Pattern.compile("(?m)^  name: (\\S+)").matcher(yaml);
                assertThat(name.find()).isTrue();
                out.putIfAbsent(name.group(1) + (yaml.contains("seal \"transit\"") ? "-transit" : ""), yaml);
            }
        }
        return out;
    }

    int raftops(String... args) {
        CommandLine cli = RaftopsCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @SuppressWarnings("unchecked")
    List<HasMetadata> render(String yaml) throws Exception {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, yaml);
        assertThat(raftops("render", "-f", file.toString())).as(err.toString()).isZero();
        Object parsed = new KubernetesSerialization().unmarshal(out.toString());
        return parsed instanceof List<?> list ? (List<HasMetadata>) list : List.of((HasMetadata) parsed);
    }

    static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> kind, String name) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).filter(o -> o.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> block(Map<String, Object> hcl, String type, String label) {
        return (Map<String, Object>) ((Map<String, Object>) hcl.get(type)).get(label);
    }

    @Test
    void theUserGuideHasTheExamplesThisTestReads() throws Exception {
        assertThat(examples()).containsKeys("vault", "vault-transit", "dev");
    }

    @Test
    void everyObjectOfTheAutoUnsealExampleIsPrintedInWriteOrder() throws Exception {
        List<HasMetadata> objects = render(examples().get("vault-transit"));

        assertThat(objects).extracting(o -> o.getKind() + " " + o.getMetadata().getName()).containsExactly(
                "ServiceAccount vault-openbao", "Role vault-openbao", "RoleBinding vault-openbao",
                "ServiceAccount raftops-executor", "ConfigMap vault-config", "StatefulSet vault",
                "Service vault-internal", "Service vault", "PodDisruptionBudget vault");
        assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("secrets"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConfigurationServesTlsStoresRaftJoinsEveryPodAndCarriesTheSeal() throws Exception {
        ConfigMap config = one(render(examples().get("vault-transit")), ConfigMap.class, "vault-config");
        Map<String, Object> hcl = new HCLParser().parse(config.getData().get("server.hcl"));

        assertThat(block(hcl, "listener", "tcp")).containsEntry("tls_cert_file", "/openbao/tls/tls.crt")
                .containsEntry("tls_key_file", "/openbao/tls/tls.key");
        Map<String, Object> raft = block(hcl, "storage", "raft");
        assertThat(raft).containsEntry("path", "/openbao/data");
        assertThat((List<Map<String, Object>>) raft.get("retry_join")).extracting(j -> j.get("leader_api_addr"))
                .containsExactly("https://vault-0.vault-internal.secrets.svc:8200",
                        "https://vault-1.vault-internal.secrets.svc:8200", "https://vault-2.vault-internal.secrets.svc:8200");
        assertThat(block(hcl, "service_registration", "kubernetes")).isEmpty();
        assertThat(block(hcl, "seal", "transit")).containsEntry("key_name", "vault-autounseal");
    }

    @Test
    void theStatefulSetRunsTheServerWithProbesMountsAndTheRestrictedProfile() throws Exception {
        StatefulSet sts = one(render(examples().get("vault-transit")), StatefulSet.class, "vault");
        PodSpec pod = sts.getSpec().getTemplate().getSpec();
        Container server = pod.getContainers().get(0);

        assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
        assertThat(sts.getSpec().getServiceName()).isEqualTo("vault-internal");
        assertThat(server.getImage()).isEqualTo("quay.io/openbao/openbao:2.4.1");
        assertThat(server.getCommand()).containsExactly("bao", "server", "-config=/openbao/config/server.hcl");
        assertThat(server.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/v1/sys/health?standbyok=true");
        assertThat(server.getLivenessProbe().getHttpGet().getPath()).contains("sealedcode=204", "uninitcode=204");
        assertThat(server.getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTPS");
        assertThat(server.getVolumeMounts()).extracting(v -> v.getName() + ":" + v.getMountPath())
                .containsExactlyInAnyOrder("data:/openbao/data", "config:/openbao/config", "tls:/openbao/tls");
        assertThat(pod.getVolumes()).filteredOn(v -> v.getSecret() != null).singleElement()
                .satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("vault-tls"));
        assertThat(sts.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName()).isEqualTo("data");
        assertThat(server.getEnv()).extracting(e -> e.getName()).contains("BAO_K8S_POD_NAME", "BAO_K8S_NAMESPACE",
                "BAO_RAFT_NODE_ID", "BAO_API_ADDR", "BAO_CLUSTER_ADDR");
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(100L);
        assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(1000L);
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(server.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(server.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(pod.getServiceAccountName()).isEqualTo("vault-openbao");
    }

    @Test
    void theServerMayLabelPodsOnlyAndTheExecutorAccountHasNoPermissionNorMountedToken() throws Exception {
        List<HasMetadata> objects = render(examples().get("vault"));
        Role role = one(objects, Role.class, "vault-openbao");
        RoleBinding binding = one(objects, RoleBinding.class, "vault-openbao");

        assertThat(role.getRules()).singleElement().satisfies(r -> {
            assertThat(r.getApiGroups()).containsExactly("");
            assertThat(r.getResources()).containsExactly("pods");
            assertThat(r.getVerbs()).containsExactly("get", "update", "patch");
        });
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> assertThat(s.getName()).isEqualTo("vault-openbao"));
        assertThat(binding.getRoleRef().getName()).isEqualTo("vault-openbao");
        assertThat(one(objects, ServiceAccount.class, "raftops-executor").getAutomountServiceAccountToken()).isFalse();
        assertThat(objects).noneMatch(o -> o instanceof Role r && r.getMetadata().getName().contains("executor"));
        assertThat(one(objects, StatefulSet.class, "vault").getSpec().getTemplate().getSpec().getVolumes())
                .as("without spec.tls the Secret is <name>-tls")
                .filteredOn(v -> v.getSecret() != null).singleElement()
                .satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("vault-tls"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDevelopmentExampleServesPlainHttpAndMountsNoSecret() throws Exception {
        List<HasMetadata> objects = render(examples().get("dev"));
        Map<String, Object> hcl = new HCLParser().parse(one(objects, ConfigMap.class, "dev-config").getData().get("server.hcl"));
        PodSpec pod = one(objects, StatefulSet.class, "dev").getSpec().getTemplate().getSpec();

        assertThat(block(hcl, "listener", "tcp")).containsEntry("tls_disable", true);
        assertThat(pod.getContainers().get(0).getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTP");
        assertThat(pod.getVolumes()).noneMatch(v -> v.getSecret() != null);
    }

    @Test
    void aSpecThatCannotBeRenderedIsOneLineNamingTheFieldAndExit2() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, examples().get("dev").replace("disabled: true", "disabled: true\n    secretName: dev-tls"));

        assertThat(raftops("render", "-f", file.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("raftops render: ").contains("spec.tls.disabled");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingFileAndAnUnknownFormatAreOneLineAndExit2() {
        assertThat(raftops("render", "-f", dir.resolve("nothing.yaml").toString())).isEqualTo(2);
        assertThat(raftops("render", "-f", dir.resolve("nothing.yaml").toString(), "-o", "toml")).isEqualTo(2);

        List<String> lines = new ArrayList<>(err.toString().lines().toList());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("no such file");
        assertThat(lines.get(1)).startsWith("raftops render: ").contains("--output", "toml");
    }

    @Test
    void jsonOutputIsOneListOfTheSameObjects() throws Exception {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, examples().get("vault"));

        assertThat(raftops("render", "-f", file.toString(), "-o", "json")).isZero();
        io.fabric8.kubernetes.api.model.KubernetesList list = new KubernetesSerialization().unmarshal(out.toString(),
                io.fabric8.kubernetes.api.model.KubernetesList.class);
        assertThat(list.getItems()).extracting(o -> o.getKind() + " " + o.getMetadata().getName())
                .contains("ConfigMap vault-config", "StatefulSet vault").hasSize(9);
    }
}
