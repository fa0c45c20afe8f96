package dev.raftops.domain.opslifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneShotRequestTest {

    @Test
    void anEmptyOrAbsentTokenIsNeverPending() {
        for (String handled : new String[] {null, "", "t1"}) {
            assertThat(new OneShotRequest(null, handled).pending()).isFalse();
            assertThat(new OneShotRequest("", handled).pending()).isFalse();
        }
    }

    @Test
    void theHandledTokenIsNotPending() {
        assertThat(new OneShotRequest("t1", "t1").pending()).isFalse();
    }

    @Test
    void aTokenOtherThanTheHandledOneIsPending() {
        assertThat(new OneShotRequest("t2", "t1").pending()).isTrue();
        assertThat(new OneShotRequest("t1", null).pending()).isTrue();
    }
}
