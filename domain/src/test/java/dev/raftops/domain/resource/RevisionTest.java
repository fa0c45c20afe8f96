package dev.raftops.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RevisionTest {

    @Test
    void isSixteenHexCharactersAndStable() {
        String r = Revision.of("1.5.0", "openbao/openbao:1.5.0", 3);
        assertThat(r).matches("[0-9a-f]{16}").isEqualTo(Revision.of("1.5.0", "openbao/openbao:1.5.0", 3));
    }

    @Test
    void changesWithVersionImageOrReplicas() {
        String r = Revision.of("1.5.0", "img", 3);
        assertThat(Revision.of("1.5.1", "img", 3)).isNotEqualTo(r);
        assertThat(Revision.of("1.5.0", "img2", 3)).isNotEqualTo(r);
        assertThat(Revision.of("1.5.0", "img", 5)).isNotEqualTo(r);
    }

    @Test
    void keepsFieldsApartSoShiftedTextHashesDifferently() {
        assertThat(Revision.of("1.2", "3", 1)).isNotEqualTo(Revision.of("1.23", "", 1));
    }

    @Test
    void namesTheStatefulSetAndReadsTheRevisionBack() {
        String r = Revision.of("1.5.0", null, 3);
        assertThat(Revision.statefulSet("vault", r)).isEqualTo("vault-" + r);
        assertThat(Revision.fromStatefulSet("vault", "vault-" + r)).isEqualTo(r);
        assertThat(Revision.fromStatefulSet("vault", "vault")).isNull();
        assertThat(Revision.fromStatefulSet("vault", "vault-backup")).isNull();
    }
}
