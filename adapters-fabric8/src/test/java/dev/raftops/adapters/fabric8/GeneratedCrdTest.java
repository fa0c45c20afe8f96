package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeneratedCrdTest {

    static CustomResourceDefinitionVersion version;
    static CustomResourceDefinition crd;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream yaml = GeneratedCrdTest.class.getResourceAsStream(Fabric8Adapters.CRD_RESOURCE)) {
            crd = Serialization.unmarshal(yaml, CustomResourceDefinition.class);
        }
        version = crd.getSpec().getVersions().get(0);
    }

    private static JSONSchemaProps spec() {
        return version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    }

    @Test
    void namesTheNamespacedRaftClusterKindWithAShortName() {
        assertThat(crd.getMetadata().getName()).isEqualTo("raftclusters.raftops.dev");
        assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
        assertThat(crd.getSpec().getNames().getKind()).isEqualTo("RaftCluster");
        assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("raft");
        assertThat(version.getName()).isEqualTo("v1alpha1");
    }

    @Test
    void hasTheStatusSubresource() {
        assertThat(version.getSubresources().getStatus()).isNotNull();
    }

    @Test
    void requiresAVersionOfBoundedLength() {
        assertThat(spec().getRequired()).containsExactly("version");
        JSONSchemaProps v = spec().getProperties().get("version");
        assertThat(v.getMinLength()).isEqualTo(1L);
        assertThat(v.getMaxLength()).isEqualTo(128L);
        assertThat(spec().getProperties().get("image").getMaxLength()).isEqualTo(512L);
    }

    @Test
    void replicasDefaultToThreeAndAreAtLeastOne() {
        JSONSchemaProps replicas = spec().getProperties().get("replicas");
        assertThat(replicas.getMinimum()).isEqualTo(1.0);
        assertThat(replicas.getDefault().asInt()).isEqualTo(3);
    }

    @Test
    void strategyIsAnEnumOfRollingUpdateAndBlueGreen() {
        JSONSchemaProps strategy = spec().getProperties().get("upgrade").getProperties().get("strategy");
        assertThat(strategy.getEnum()).extracting(Object::toString)
                .map(s -> s.replace("\"", "")).containsExactlyInAnyOrder("RollingUpdate", "BlueGreen");
    }

    @Test
    void durationsArePatternChecked() {
        JSONSchemaProps stepDown = spec().getProperties().get("upgrade").getProperties().get("timeouts").getProperties()
                .get("stepDown");
        assertThat(stepDown.getPattern()).isEqualTo("^([0-9]+(ms|s|m|h|d))+$");
    }

    @Test
    void printsPhaseCurrentTargetReadyAndAgeInThatOrder() {
        assertThat(version.getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getName)
                .containsExactly("Phase", "Current", "Target", "Ready", "Age");
        Map<String, String> columns = version.getAdditionalPrinterColumns().stream()
                .collect(Collectors.toMap(CustomResourceColumnDefinition::getName, CustomResourceColumnDefinition::getJsonPath));
        assertThat(columns).containsEntry("Phase", ".status.phase")
                .containsEntry("Current", ".status.currentVersion")
                .containsEntry("Target", ".spec.version")
                .containsEntry("Ready", ".status.conditions[?(@.type==\"Available\")].status")
                .containsEntry("Age", ".metadata.creationTimestamp");
    }

    @Test
    void requiresTheSpec() {
        assertThat(version.getSchema().getOpenAPIV3Schema().getRequired()).containsExactly("spec");
    }

    @Test
    void everySpecAndStatusFieldHasADescriptionForKubectlExplain() {
        JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
        List<String> undescribed = new ArrayList<>();
        for (String top : List.of("spec", "status")) {
            undescribed(top, root.getProperties().get(top), undescribed);
        }
        assertThat(undescribed).as("fields without a description").isEmpty();
        assertThat(spec().getProperties().get("replicas").getDescription()).isEqualTo("Number of Raft voters.");
    }

    private static void undescribed(String path, JSONSchemaProps field, List<String> out) {
        if (field.getDescription() == null || field.getDescription().isBlank()) {
            out.add(path);
        }
        if (field.getProperties() != null) {
            field.getProperties().forEach((name, child) -> undescribed(path + "." + name, child, out));
        }
        if (field.getItems() != null && field.getItems().getSchema() != null
                && field.getItems().getSchema().getProperties() != null) {
            field.getItems().getSchema().getProperties().forEach((name, child) -> undescribed(path + "[]." + name, child, out));
        }
    }
}
