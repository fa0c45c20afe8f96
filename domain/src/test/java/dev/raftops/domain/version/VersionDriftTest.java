package dev.raftops.domain.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionDriftTest {

    private static VersionDrift drift(String current, String desired) {
        return VersionDrift.between(SemVer.parse(current), SemVer.parse(desired));
    }

    @Test
    void sameVersionIsNoDrift() {
        assertThat(drift("1.2.3", "1.2.3").kind()).isEqualTo(VersionDrift.Kind.NONE);
    }

    @Test
    void buildMetadataAloneIsNoDrift() {
        assertThat(drift("1.2.3+a", "1.2.3+b").kind()).isEqualTo(VersionDrift.Kind.NONE);
        assertThat(drift("1.2.3", "v1.2.3+b").kind()).isEqualTo(VersionDrift.Kind.NONE);
    }

    @Test
    void higherDesiredVersionIsAnUpgrade() {
        assertThat(drift("1.2.3", "1.2.4").kind()).isEqualTo(VersionDrift.Kind.UPGRADE);
        assertThat(drift("1.3.0-rc.1", "1.3.0").kind()).isEqualTo(VersionDrift.Kind.UPGRADE);
    }

    @Test
    void lowerDesiredVersionIsADowngrade() {
        assertThat(drift("1.2.3", "1.2.2").kind()).isEqualTo(VersionDrift.Kind.DOWNGRADE);
        assertThat(drift("1.3.0", "1.3.0-rc.1").kind()).isEqualTo(VersionDrift.Kind.DOWNGRADE);
        assertThat(drift("2.0.0", "1.99.99").kind()).isEqualTo(VersionDrift.Kind.DOWNGRADE);
    }

    @Test
    void keepsBothVersions() {
        VersionDrift d = drift("1.2.3", "1.4.0");
        assertThat(d.current()).isEqualTo(SemVer.parse("1.2.3"));
        assertThat(d.desired()).isEqualTo(SemVer.parse("1.4.0"));
    }

    @Test
    void aHigherMajorIsAMajorJump() {
        assertThat(drift("1.9.9", "2.0.0").isMajorJump()).isTrue();
        assertThat(drift("1.9.9", "2.0.0-rc.1").isMajorJump()).isTrue();
    }

    @Test
    void sameMajorOrADowngradeIsNoMajorJump() {
        assertThat(drift("1.2.3", "1.9.0").isMajorJump()).isFalse();
        assertThat(drift("2.0.0", "1.0.0").isMajorJump()).isFalse();
        assertThat(drift("1.0.0", "1.0.0").isMajorJump()).isFalse();
    }

    @Test
    void countsMinorsSkippedWithinOneMajor() {
        assertThat(drift("2.3.1", "2.6.0").skippedMinors()).isEqualTo(2);
        assertThat(drift("2.3.1", "2.4.0").skippedMinors()).isZero();
        assertThat(drift("2.3.1", "2.3.9").skippedMinors()).isZero();
    }

    @Test
    void skipsNoMinorsAcrossAMajorJumpOrADowngrade() {
        assertThat(drift("1.0.0", "2.5.0").skippedMinors()).isZero();
        assertThat(drift("2.6.0", "2.3.0").skippedMinors()).isZero();
    }

    @Test
    void capsAHugeNumberOfSkippedMinors() {
        assertThat(drift("1.0.0", "1.99999999999999999999999.0").skippedMinors()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refusesMissingVersions() {
        SemVer v = SemVer.parse("1.0.0");
        assertThatThrownBy(() -> new VersionDrift(VersionDrift.Kind.NONE, null, v)).isInstanceOf(NullPointerException.class);
    }
}
