package dev.raftops.domain.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkloadVersionTest {

    private static final String REPO = "quay.io/openbao/openbao";

    @Test
    void aLeadingVIsNotPartOfTheImageTag() {
        assertThat(WorkloadVersion.image(REPO, "v2.4.0")).isEqualTo("quay.io/openbao/openbao:2.4.0");
    }

    @Test
    void buildMetadataIsNotPartOfTheImageTag() {
        assertThat(WorkloadVersion.imageTag("2.4.0+build.7")).isEqualTo("2.4.0");
    }

    @Test
    void aPreReleaseKeepsItsIdentifiersInTheImageTag() {
        assertThat(WorkloadVersion.imageTag("v2.5.0-rc.1+exp.sha.5114f85")).isEqualTo("2.5.0-rc.1");
    }

    @Test
    void textThatIsNoVersionStaysAsWritten() {
        assertThat(WorkloadVersion.imageTag("latest")).isEqualTo("latest");
    }

    @Test
    void specImageIsUsedAsWrittenForAnySpellingOfSpecVersion() {
        assertThat(WorkloadVersion.image("registry.local/bao:v2.4.0", "v2.4.0+build.7", "2.4.0", REPO))
                .isEqualTo("registry.local/bao:v2.4.0");
    }

    @Test
    void anotherVersionKeepsTheRepositoryOfSpecImage() {
        assertThat(WorkloadVersion.image("registry.local:5000/bao:2.4.0", "2.4.0", "v2.4.4", REPO))
                .isEqualTo("registry.local:5000/bao:2.4.4");
    }

    @Test
    void withoutSpecImageTheDefaultRepositoryIsTagged() {
        assertThat(WorkloadVersion.image(null, "v2.4.0", "v2.4.0", REPO)).isEqualTo(REPO + ":2.4.0");
    }

    @Test
    void aPodOnAVTaggedImageReportsTheVersionWithoutV() {
        assertThat(WorkloadVersion.podVersion("registry.local/bao:v2.4.0")).isEqualTo("2.4.0");
    }

    @Test
    void aPodOnADigestOnlyImageReportsNoVersion() {
        assertThat(WorkloadVersion.podVersion("registry.local:5000/bao@sha256:0123abcd")).isNull();
    }

    @Test
    void anotherVersionDropsTheDigestOfSpecImage() {
        assertThat(WorkloadVersion.image("registry.local:5000/bao@sha256:0123abcd", "2.4.0", "2.4.4", REPO))
                .isEqualTo("registry.local:5000/bao:2.4.4");
    }
}
