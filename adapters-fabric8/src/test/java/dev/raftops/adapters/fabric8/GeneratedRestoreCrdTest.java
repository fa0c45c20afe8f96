package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeneratedRestoreCrdTest {

    static CustomResourceDefinition crd;
    static CustomResourceDefinitionVersion version;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream yaml = GeneratedRestoreCrdTest.class.getResourceAsStream(Fabric8Adapters.RESTORE_CRD_RESOURCE)) {
            crd = Serialization.unmarshal(yaml, CustomResourceDefinition.class);
        }
        version = crd.getSpec().getVersions().get(0);
    }

    private static JSONSchemaProps spec() {
        return version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    }

    @Test
    void namesTheNamespacedRaftRestoreKindWithAStatusSubresource() {
        assertThat(crd.getMetadata().getName()).isEqualTo("raftrestores.raftops.dev");
        assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
        assertThat(crd.getSpec().getNames().getKind()).isEqualTo("RaftRestore");
        assertThat(version.getSubresources().getStatus()).isNotNull();
    }

    @Test
    void kubectlShowsClusterPhaseObjectAndAgeInThatOrder() {
        assertThat(version.getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getName)
                .containsExactly("Cluster", "Phase", "Object", "Age");
    }

    @Test
    void requiresAClusterAndASourceAndRestartsTheVotersByDefault() {
        assertThat(spec().getRequired()).containsExactlyInAnyOrder("clusterRef", "source");
        assertThat(spec().getProperties().get("restartVoters").getDefault().asBoolean()).isTrue();
        assertThat(spec().getProperties().get("force").getDefault().asBoolean()).isFalse();
        assertThat(spec().getProperties().get("source").getProperties()).containsKeys("key", "latest", "bucket", "prefix");
    }
}
