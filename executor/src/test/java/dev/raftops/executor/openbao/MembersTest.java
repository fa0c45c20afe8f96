package dev.raftops.executor.openbao;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MembersTest {

    /** An adopted Blue keeps the cluster's name, a prefix of its Green's (docs/decisions/strategy-switch.md). */
    static final Members CUTOVER = new Members(List.of("db-0", "db-1", "db-16d9a678fd47058c-0", "db-16d9a678fd47058c-1"),
            Members.DEFAULT_ADDRESS, "db-internal", "ns");

    @Test
    void theAdoptedBluesPodsAreNotMistakenForThePodsOfAGreenItsNamePrefixes() {
        assertThat(CUTOVER.of("db")).containsExactly("db-0", "db-1");
        assertThat(CUTOVER.of("db-16d9a678fd47058c")).containsExactly("db-16d9a678fd47058c-0", "db-16d9a678fd47058c-1");
    }

    @Test
    void aPodIsOfAStatefulSetOnlyWithAnOrdinalAfterItsName() {
        assertThat(Members.podOf("db-0", "db")).isTrue();
        assertThat(Members.podOf("db-16d9a678fd47058c-0", "db")).isFalse();
        assertThat(Members.podOf("db-", "db")).isFalse();
        assertThat(Members.podOf("dbx-0", "db")).isFalse();
    }
}
