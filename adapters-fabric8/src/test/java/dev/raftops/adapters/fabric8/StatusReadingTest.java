package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.adapters.fabric8.crd.StatusCondition;
import dev.raftops.adapters.fabric8.crd.StatusOperationLock;
import dev.raftops.adapters.fabric8.crd.StatusUpgrade;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.resource.ClusterStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusReadingTest {

    @Test
    void anAbsentStatusIsTheInitialOne() {
        assertThat(StatusReading.fromResource(null)).isEqualTo(ClusterStatus.initial());
    }

    @Test
    void aHandEditedPartThatMakesNoSenseIsReadAsAbsent() {
        RaftClusterStatus s = new RaftClusterStatus();
        s.currentVersion = "2.0.0";
        s.phase = "Exploding";
        s.upgrade = new StatusUpgrade();
        s.upgrade.targetVersion = "2.1.0";
        s.upgrade.startedAt = "yesterday";
        StatusCondition broken = new StatusCondition();
        broken.type = "Available";
        broken.status = "Maybe";
        broken.reason = "X";
        s.conditions = List.of(broken);

        ClusterStatus read = StatusReading.fromResource(s);

        assertThat(read.currentVersion()).isEqualTo("2.0.0");
        assertThat(read.phase()).isEqualTo(Phase.Initializing);
        assertThat(read.upgrade()).isNull();
        assertThat(read.conditions()).isEmpty();
    }

    @Test
    void aFreeLockKeepsItsEpoch() {
        RaftClusterStatus s = new RaftClusterStatus();
        s.operationLock = new StatusOperationLock();
        s.operationLock.epoch = 7L;
        assertThat(StatusReading.fromResource(s).operationLock().isHeld()).isFalse();
        assertThat(StatusReading.fromResource(s).operationLock().epoch()).isEqualTo(7);
    }
}
