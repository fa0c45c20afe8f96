package dev.raftops.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.trace.SimClock;
import dev.raftops.simulator.trace.Trace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RaftMembershipTest {

    private final Trace trace = new Trace(new SimClock(Instant.EPOCH), "ns/db");
    private final RaftMembership raft = new RaftMembership(trace, 0);

    private void bootstrapReady(int replicas) {
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            voters.add("db-" + i);
        }
        raft.bootstrap(voters);
        voters.forEach(pod -> raft.ready(pod, true));
    }

    @Test
    void membersAreInOrdinalOrderNotTextOrder() {
        bootstrapReady(12);
        assertThat(raft.members().subList(9, 12)).containsExactly("db-9", "db-10", "db-11");
    }

    @Test
    void theStartingConfigurationIsNotAMembershipChange() {
        bootstrapReady(3);
        assertThat(trace.lines()).isEmpty();
    }

    @Test
    void aGroupWithoutAQuorumReadyElectsNobody() {
        bootstrapReady(3);
        raft.ready("db-0", false);
        raft.ready("db-1", false);
        assertThat(raft.electAtRandom(new Random(1))).isFalse();
        assertThat(raft.leader()).isNull();
    }

    @Test
    void aLeaderThatStopsLeavesTheGroupLeaderlessInTheSameTerm() {
        bootstrapReady(3);
        raft.elect("db-1", true);
        raft.ready("db-1", false);
        assertThat(raft.leader()).isNull();
        assertThat(raft.term()).isEqualTo(1);
        assertThat(trace.lines()).last().asString().contains("\"kind\":\"raft.leader\"").contains("\"pod\":null");
    }
}
