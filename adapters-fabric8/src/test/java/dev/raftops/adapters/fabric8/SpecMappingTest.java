package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterSpec;
import dev.raftops.adapters.fabric8.crd.SpecBackup;
import dev.raftops.adapters.fabric8.crd.SpecBlueGreen;
import dev.raftops.adapters.fabric8.crd.SpecRetention;
import dev.raftops.adapters.fabric8.crd.SpecRolling;
import dev.raftops.adapters.fabric8.crd.SpecTimeouts;
import dev.raftops.adapters.fabric8.crd.SpecUpgrade;
import dev.raftops.adapters.fabric8.crd.SpecVerification;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.RaftStateSource;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.ports.driven.SpecReading;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SpecMappingTest {

    private static RaftClusterSpec spec(Consumer<RaftClusterSpec> edit) {
        RaftClusterSpec s = new RaftClusterSpec();
        s.version = "2.1.0";
        edit.accept(s);
        return s;
    }

    private static SpecReading.Invalid invalid(RaftClusterSpec s) {
        SpecReading reading = SpecMapping.read(s);
        assertThat(reading).isInstanceOf(SpecReading.Invalid.class);
        return (SpecReading.Invalid) reading;
    }

    private static ClusterSpec valid(RaftClusterSpec s) {
        SpecReading reading = SpecMapping.read(s);
        assertThat(reading).isInstanceOf(SpecReading.Valid.class);
        return ((SpecReading.Valid) reading).spec();
    }

    @Test
    void aMinimalSpecGetsTheDocumentedDefaults() {
        ClusterSpec s = valid(spec(x -> { }));
        assertThat(s.replicas()).isEqualTo(3);
        assertThat(s.upgrade().strategy()).isEqualTo(UpgradeStrategy.ROLLING_UPDATE);
        assertThat(s.upgrade().timeouts().stepDown()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.upgrade().policy().allowPrerelease()).isTrue();
        assertThat(s.upgrade().blueGreen().autoPromote()).isTrue();
        assertThat(s.backup()).isNull();
    }

    @Test
    void raftStateDefaultsToTheWorkloadsApiAndAcceptsLabels() {
        assertThat(valid(spec(x -> { })).upgrade().raftState()).isEqualTo(RaftStateSource.API);
        assertThat(valid(spec(x -> {
            x.upgrade = new SpecUpgrade();
            x.upgrade.raftState = "labels";
        })).upgrade().raftState()).isEqualTo(RaftStateSource.LABELS);
    }

    @Test
    void anUnknownRaftStateIsOneLineNamingTheField() {
        SpecReading.Invalid bad = invalid(spec(x -> {
            x.upgrade = new SpecUpgrade();
            x.upgrade.raftState = "annotations";
        }));
        assertThat(bad.field()).isEqualTo("spec.upgrade.raftState");
        assertThat(bad.message()).isEqualTo("spec.upgrade.raftState must be api or labels, was annotations");
    }

    @Test
    void theCaConfigMapIsReadFromSpecTls() {
        ClusterSpec s = valid(spec(x -> {
            x.tls = new dev.raftops.adapters.fabric8.crd.SpecTls();
            x.tls.caConfigMap = "vault-ca";
        }));
        assertThat(s.tls().caConfigMap()).isEqualTo("vault-ca");
        assertThat(s.tls().disabled()).isFalse();
    }

    @Test
    void theSecretNameIsReadOnceIntoTheDomainsTlsAndTheRenderedListenerServesIt() {
        RaftClusterSpec cr = spec(x -> {
            x.tls = new dev.raftops.adapters.fabric8.crd.SpecTls();
            x.tls.secretName = " vault-certs ";
        });
        assertThat(valid(cr).tls().secretName()).isEqualTo("vault-certs");
        assertThat(WorkloadSpecMapping.read(new dev.raftops.domain.cluster.ClusterKey("ns", "vault"), cr).tls()
                .secretName()).isEqualTo("vault-certs");
    }

    @Test
    void aMissingSpecIsInvalid() {
        assertThat(invalid(null).field()).isEqualTo("spec");
    }

    @Test
    void aMissingVersionNamesTheField() {
        SpecReading.Invalid bad = invalid(spec(x -> x.version = null));
        assertThat(bad.field()).isEqualTo("spec.version");
        assertThat(bad.message()).contains("required");
    }

    @Test
    void zeroReplicasAreInvalid() {
        SpecReading.Invalid bad = invalid(spec(x -> x.replicas = 0));
        assertThat(bad.field()).isEqualTo("spec.replicas");
        assertThat(bad.message()).contains("at least 1");
    }

    @Test
    void aPreUpgradeSnapshotWithoutABackupIsInvalidWhateverRunsNamingTheField() {
        SpecReading.Invalid bad = invalid(spec(x -> {
            x.upgrade = new SpecUpgrade();
            x.upgrade.preUpgradeSnapshot = true;
        }));
        assertThat(bad.field()).isEqualTo("spec.upgrade.preUpgradeSnapshot");
        assertThat(bad.message()).contains("needs spec.backup");
    }

    @Test
    void anUnknownStrategyIsInvalid() {
        SpecReading.Invalid bad = invalid(spec(x -> {
            x.upgrade = new SpecUpgrade();
            x.upgrade.strategy = "Canary";
        }));
        assertThat(bad.field()).isEqualTo("spec.upgrade.strategy");
        assertThat(bad.message()).contains("Canary");
    }

    @Test
    void aMalformedDurationIsInvalid() {
        SpecReading.Invalid bad = invalid(spec(x -> {
            x.upgrade = new SpecUpgrade();
            x.upgrade.timeouts = new SpecTimeouts();
            x.upgrade.timeouts.podReady = "ten minutes";
        }));
        assertThat(bad.field()).isEqualTo("spec.upgrade.timeouts.podReady");
        assertThat(bad.message()).contains("ten minutes");
    }

    @Test
    void aZeroTimeoutIsInvalid() {
        SpecReading.Invalid bad = invalid(spec(x -> {
            x.upgrade = new SpecUpgrade();
            x.upgrade.timeouts = new SpecTimeouts();
            x.upgrade.timeouts.stepDown = "0s";
        }));
        assertThat(bad.field()).isEqualTo("spec.upgrade.timeouts.stepDown");
    }

    @Test
    void compoundDurationsAreParsed() {
        ClusterSpec s = valid(spec(x -> {
            x.upgrade = new SpecUpgrade();
            x.upgrade.timeouts = new SpecTimeouts();
            x.upgrade.timeouts.podReady = "1h30m";
            x.upgrade.blueGreen = new SpecBlueGreen();
            x.upgrade.blueGreen.verification = new SpecVerification();
            x.upgrade.blueGreen.verification.minSyncDuration = "90s";
        }));
        assertThat(s.upgrade().timeouts().podReady()).isEqualTo(Duration.ofMinutes(90));
        assertThat(s.upgrade().blueGreen().verification().minSyncDuration()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aZeroMaxJobFailuresIsInvalid() {
        SpecReading.Invalid bad = invalid(spec(x -> {
            x.upgrade = new SpecUpgrade();
            x.upgrade.blueGreen = new SpecBlueGreen();
            x.upgrade.blueGreen.maxJobFailures = 0;
        }));
        assertThat(bad.field()).isEqualTo("spec.upgrade.blueGreen.maxJobFailures");
    }

    @Test
    void aBadRetentionIsInvalid() {
        SpecReading.Invalid bad = invalid(spec(x -> {
            x.backup = new SpecBackup();
            x.backup.retention = new SpecRetention();
            x.backup.retention.maxAge = "forever";
        }));
        assertThat(bad.field()).isEqualTo("spec.backup.retention.maxAge");
    }

    @Test
    void backupScheduleStaysRawForTheBackupDecision() {
        ClusterSpec s = valid(spec(x -> {
            x.backup = new SpecBackup();
            x.backup.schedule = "not a cron";
        }));
        assertThat(s.backup().schedule()).isEqualTo("not a cron");
        assertThat(s.backup().timeZone()).isEqualTo("UTC");
    }

    @Test
    void theRollingUpgradeTakesItsLagLimitFromItsOwnField() {
        ClusterSpec s = valid(spec(x -> {
            x.upgrade = new SpecUpgrade();
            x.upgrade.rolling = new SpecRolling();
            x.upgrade.rolling.maxLagEntries = 20L;
            x.upgrade.blueGreen = new SpecBlueGreen();
            x.upgrade.blueGreen.verification = new SpecVerification();
            x.upgrade.blueGreen.verification.maxLagEntries = 500L;
        }));
        assertThat(s.upgrade().rollingMaxLagEntries()).isEqualTo(20);
        assertThat(s.upgrade().blueGreen().verification().maxLagEntries()).isEqualTo(500);
    }

    @Test
    void theDeprecatedBlueGreenLagLimitStillAppliesToTheRollingUpgradeWhenItsOwnIsNotSet() {
        ClusterSpec s = valid(spec(x -> {
            x.upgrade = new SpecUpgrade();
            x.upgrade.blueGreen = new SpecBlueGreen();
            x.upgrade.blueGreen.verification = new SpecVerification();
            x.upgrade.blueGreen.verification.maxLagEntries = 7L;
        }));
        assertThat(s.upgrade().rollingMaxLagEntries()).isEqualTo(7);
    }

    @Test
    void aNegativeRollingLagLimitIsInvalid() {
        SpecReading.Invalid bad = invalid(spec(x -> {
            x.upgrade = new SpecUpgrade();
            x.upgrade.rolling = new SpecRolling();
            x.upgrade.rolling.maxLagEntries = -1L;
        }));
        assertThat(bad.field()).isEqualTo("spec.upgrade.rolling.maxLagEntries");
    }
}
