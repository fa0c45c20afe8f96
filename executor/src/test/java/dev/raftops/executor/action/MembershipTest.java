package dev.raftops.executor.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.executor.Workplace;
import dev.raftops.simulator.openbao.DoubleFaults;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MembershipTest extends ActionOnWorkplace {

    static final List<String> GREEN = List.of("vault-green-0", "vault-green-1", "vault-green-2");
    static final List<String> BLUE = List.of("vault-blue-0", "vault-blue-1", "vault-blue-2");

    @Override
    Workplace workplace(Path dir) throws Exception {
        return Workplace.blueGreen(dir);
    }

    private Workplace.Run run(String action) throws Exception {
        Map<String, String> env = w.env(action);
        env.put("RAFTOPS_MAX_LAG_ENTRIES", "5");
        return w.run(env);
    }

    @Test
    void joinGreenAddsEveryGreenPodAsANonVoter() throws Exception {
        Workplace.Run run = run("join-green");

        assertThat(run.exit()).as(run.log()).isZero();
        assertThat(w.raft.servers()).containsAll(GREEN);
        assertThat(GREEN).noneMatch(w.raft::isVoter);
        assertThat(run("join-green").message()).contains("already joined");
    }

    @Test
    void waitSyncedWaitsUntilGreenIsWithinTheLag() throws Exception {
        w.openbao.faults(DoubleFaults.none().withCatchUp(40));
        run("join-green");

        Workplace.Run run = run("wait-synced");

        assertThat(run.exit()).as(run.log()).isZero();
        GREEN.forEach(g -> assertThat(run.facts().path("lag").path(g).asLong()).isLessThanOrEqualTo(5));
    }

    @Test
    void theWholeCutoverLeavesGreenVotingAndLeadingAndBlueRemoved() throws Exception {
        assertThat(run("join-green").exit()).isZero();
        assertThat(run("wait-synced").exit()).isZero();
        Workplace.Run promote = run("promote-green");
        assertThat(promote.exit()).as(promote.log()).isZero();
        assertThat(GREEN).allMatch(w.raft::isVoter);

        Workplace.Run demote = run("demote-blue");

        assertThat(demote.exit()).as(demote.log()).isZero();
        assertThat(w.raft.leader()).hasValueSatisfying(l -> assertThat(GREEN).contains(l));
        assertThat(BLUE).noneMatch(w.raft::isVoter);
        assertThat(run("remove-blue-peers").exit()).isZero();
        assertThat(w.raft.servers()).containsExactlyElementsOf(GREEN);
    }

    @Test
    void repairConsensusGivesBlueTheVoteAndTheLeadBack() throws Exception {
        run("join-green");
        run("promote-green");
        run("demote-blue");

        Workplace.Run repair = run("repair-consensus");

        assertThat(repair.exit()).as(repair.log()).isZero();
        assertThat(BLUE).allMatch(w.raft::isVoter);
        assertThat(GREEN).noneMatch(w.raft::isVoter);
        assertThat(w.raft.leader()).hasValueSatisfying(l -> assertThat(BLUE).contains(l));
        assertThat(run("remove-green-peers").exit()).isZero();
        assertThat(w.raft.servers()).containsExactlyElementsOf(BLUE);
    }

    @Test
    void aWorkloadWithoutNonVotersRefusesTheJoin() throws Exception {
        w.openbao.faults(DoubleFaults.none().withoutNonVoters());

        Workplace.Run run = run("join-green");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.message()).contains("non-voting");
    }

    @Test
    void aWorkloadWithoutPromoteRefusesAndNamesTheVersionNeeded() throws Exception {
        run("join-green");
        w.openbao.faults(DoubleFaults.none().withoutPromoteDemote());

        Workplace.Run run = run("promote-green");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.message()).contains("OpenBao 2.3.0 or later");
    }
}
