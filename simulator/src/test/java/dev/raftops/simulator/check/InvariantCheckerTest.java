package dev.raftops.simulator.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.run.ScenarioRunner;
import dev.raftops.simulator.trace.TraceLine;
import dev.raftops.simulator.world.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker on hand-written traces: each invariant accepts the right story and rejects the wrong one. */
class InvariantCheckerTest {

    /** A three-pod cluster on 2.1.0 led by raft-0, locked for 2.2.0. */
    private static final class Story {
        private final List<String> lines = new ArrayList<>();
        private long t;

        Story() {
            add(line("run.start").put("replicas", 3).put("fromVersion", "2.1.0").put("toVersion", "2.2.0")
                    .put("strategy", "RollingUpdate").put("seed", 1).put("leader", 0));
            add(line("sts.template").put("statefulSet", "raft").put("image", "img:2.1.0").put("version", "2.1.0"));
            for (int o = 0; o < 3; o++) {
                created(o, "2.1.0");
                ready(o, "2.1.0");
            }
            leader(0);
            status("2.1.0", null);
        }

        TraceLine line(String kind) {
            return TraceLine.of(t++, kind, "sim/raft");
        }

        Story add(TraceLine line) {
            lines.add(line.toJson());
            return this;
        }

        Story lock() {
            status("2.1.0", "Upgrade");
            partition(3);
            return add(line("sts.template").put("statefulSet", "raft").put("image", "img:2.2.0").put("version", "2.2.0"));
        }

        Story partition(int value) {
            return add(line("sts.partition").put("statefulSet", "raft").put("value", value));
        }

        Story created(int o, String version) {
            return add(line("pod.created").put("pod", "raft-" + o).put("ordinal", o).put("version", version)
                    .put("revision", "rev-" + version));
        }

        Story ready(int o, String version) {
            return add(line("pod.ready").put("pod", "raft-" + o).put("ordinal", o).put("version", version));
        }

        Story deleted(int o, String version, boolean leader, String cause) {
            return add(line("pod.deleted").put("pod", "raft-" + o).put("ordinal", o).put("version", version)
                    .put("leader", leader).put("cause", cause));
        }

        Story leader(Integer o) {
            return add(line("raft.leader").put("pod", o == null ? null : "raft-" + o).put("ordinal", o).put("term", t));
        }

        Story status(String version, String lock) {
            return add(line("status").put("phase", "Running").put("currentVersion", version).put("partition", null)
                    .put("lock", lock).put("blueGreenPhase", null).put("breakGlass", false));
        }

        /** Release ordinal {@code o} and let the StatefulSet roll it to 2.2.0. */
        Story roll(int o) {
            return partition(o).deleted(o, "2.1.0", false, "rollout").created(o, "2.2.0").ready(o, "2.2.0");
        }

        List<String> invariants() {
            return InvariantChecker.check(lines).stream().map(Violation::invariant).toList();
        }
    }

    @Test
    void aCleanRollingUpgradeBreaksNothing() {
        Story s = new Story().lock().roll(2).roll(1);
        s.add(s.line("job.created").put("job", "step-down").put("action", "step-down")).leader(2).roll(0)
                .status("2.2.0", null);
        assertThat(s.invariants()).isEmpty();
    }

    @Test
    void releasingTheNextOrdinalBeforeTheLastIsBackReadyIsASecondVoterDown() {
        Story s = new Story().lock().partition(2).deleted(2, "2.1.0", false, "rollout").created(2, "2.2.0")
                .partition(1);
        assertThat(s.invariants()).containsExactly(InvariantChecker.ONE_VOTER_DOWN);
    }

    @Test
    void aCrashedPodIsNotTheControllersDoing() {
        Story s = new Story().lock().deleted(1, "2.1.0", false, "crash").roll(2);
        assertThat(s.invariants()).isEmpty();
    }

    @Test
    void releasingTheLeaderIsCaughtAtTheRelease() {
        Story s = new Story().lock().roll(2).roll(1).partition(0);
        assertThat(s.invariants()).containsExactly(InvariantChecker.LEADER_SPARED);
    }

    @Test
    void deletingTheLeaderDirectlyIsCaught() {
        Story s = new Story().lock().deleted(0, "2.1.0", true, "controller");
        assertThat(s.invariants()).contains(InvariantChecker.LEADER_SPARED);
    }

    @Test
    void aFollowerElectedAfterItsReleaseIsReportedAsTheRace() {
        Story s = new Story().lock().partition(2).leader(2).deleted(2, "2.1.0", true, "rollout");
        assertThat(s.invariants()).containsExactly(InvariantChecker.RELEASED_POD_LED);
    }

    @Test
    void aRetargetLockWithdrawsAReleaseTheStatefulSetHadNotActedOnYet() {
        Story s = new Story().lock().roll(2).roll(1).leader(1).partition(0).partition(3);
        s.add(s.line("sts.template").put("statefulSet", "raft").put("image", "img:2.3.0").put("version", "2.3.0"));
        s.partition(2);
        assertThat(s.invariants()).isEmpty();
    }

    @Test
    void aPartitionDroppingByTwoReleasesTwoOrdinalsAtOnce() {
        Story s = new Story().lock().partition(1);
        assertThat(s.invariants()).contains(InvariantChecker.PARTITION_STEPS);
    }

    @Test
    void aPartitionRaisedToLessThanReplicasIsNotALock() {
        Story s = new Story().lock().roll(2).roll(1).partition(2);
        assertThat(s.invariants()).contains(InvariantChecker.PARTITION_STEPS);
    }

    @Test
    void aTemplateChangedWhileThePartitionIsOpenCouldRollEverything() {
        Story s = new Story();
        s.add(s.line("sts.template").put("statefulSet", "raft").put("image", "img:2.2.0").put("version", "2.2.0"));
        assertThat(s.invariants()).containsExactly(InvariantChecker.PARTITION_STEPS);
    }

    @Test
    void restartingAPodThatAlreadyRunsTheTargetIsCaught() {
        Story s = new Story().lock().roll(2).deleted(2, "2.2.0", false, "controller");
        assertThat(s.invariants()).contains(InvariantChecker.ORDINAL_ONCE);
    }

    @Test
    void deletingAStuckPodThatNeverGotReadyIsAllowed() {
        Story s = new Story().lock().partition(2).deleted(2, "2.1.0", false, "rollout").created(2, "2.2.0")
                .deleted(2, "2.2.0", false, "controller").created(2, "2.2.0").ready(2, "2.2.0");
        assertThat(s.invariants()).isEmpty();
    }

    @Test
    void currentVersionMovingBackwardsIsCaught() {
        Story s = new Story().status("2.0.9", null);
        assertThat(s.invariants()).contains(InvariantChecker.VERSION_FORWARD);
    }

    @Test
    void currentVersionComparesBySemVerPrecedenceNotAsText() {
        Story s = new Story().lock().roll(2).roll(1).leader(2).roll(0);
        s.lines.replaceAll(l -> l.replace("2.2.0", "2.10.0"));
        s.status("2.10.0", null);
        assertThat(s.invariants()).isEmpty();
    }

    @Test
    void currentVersionReachingTheTargetBeforeEveryPodRunsItIsCaught() {
        Story s = new Story().lock().roll(2).status("2.2.0", "Upgrade");
        assertThat(s.invariants()).containsExactly(InvariantChecker.VERSION_EXACT);
    }

    @Test
    void aRunThatConvergesOnAnotherVersionIsCaught() {
        Story s = new Story();
        s.add(s.line("run.end").put("result", "converged").put("currentVersion", "2.1.0").put("reason", null));
        assertThat(s.invariants()).containsExactly(InvariantChecker.VERSION_EXACT);
    }

    @Test
    void theLockPassingToAnotherOperationWithoutReleaseIsCaught() {
        Story s = new Story().status("2.1.0", "Backup").status("2.1.0", "Upgrade");
        assertThat(s.invariants()).containsExactly(InvariantChecker.LOCK_EXCLUSIVE);
    }

    @Test
    void disruptingWhileAnotherOperationHoldsTheLockIsCaught() {
        Story s = new Story().status("2.1.0", "Backup").deleted(1, "2.1.0", false, "controller");
        assertThat(s.invariants()).contains(InvariantChecker.LOCK_EXCLUSIVE);
    }

    @Test
    void aRestoreRestartingTheMembersThroughTheRollItRecordedBreaksNothing() {
        Story s = new Story();
        s.add(s.line("status").put("phase", "Upgrading").put("currentVersion", "2.1.0").put("partition", 3)
                .put("lock", "Restore").put("blueGreenPhase", null).put("breakGlass", false));
        s.partition(3).add(s.line("sts.template").put("statefulSet", "raft").put("image", "img:2.1.0")
                .put("version", "2.1.0"));
        s.partition(2).deleted(2, "2.1.0", false, "rollout").created(2, "2.1.0").ready(2, "2.1.0");
        assertThat(s.invariants()).doesNotContain(InvariantChecker.LOCK_EXCLUSIVE);
    }

    @Test
    void disruptingWhileARestoreHoldsTheLockWithNoRollRecordedIsCaught() {
        Story s = new Story().status("2.1.0", "Restore").deleted(1, "2.1.0", false, "controller");
        assertThat(s.invariants()).contains(InvariantChecker.LOCK_EXCLUSIVE);
    }

    @Test
    void trafficSplitAcrossColoursIsCaught() {
        Story s = new Story();
        s.add(s.line("service.selector").put("service", "raft").put("revision", "rev-2.1.0"));
        s.add(s.line("service.selector").put("service", "raft-active").put("revision", "rev-2.2.0"));
        assertThat(s.invariants()).contains(InvariantChecker.ONE_COLOUR);
    }

    @Test
    void trafficSwitchedToAColourWithoutALeaderIsCaught() {
        Story s = new Story().created(3, "2.2.0").ready(3, "2.2.0");
        s.add(s.line("service.selector").put("service", "raft").put("revision", "rev-2.2.0"));
        assertThat(s.invariants()).containsExactly(InvariantChecker.ONE_COLOUR);
    }

    @Test
    void aServiceSelectingEveryPodIsFineWhileOnlyOneColourExists() {
        Story s = new Story();
        s.add(s.line("sts.created").put("statefulSet", "raft-blue"));
        s.add(s.line("service.selector").put("service", "raft").put("revision", null));
        assertThat(s.invariants()).isEmpty();
    }

    @Test
    void creatingASecondColourWhileAServiceSelectsEveryPodIsCaught() {
        Story s = new Story();
        s.add(s.line("sts.created").put("statefulSet", "raft-blue"));
        s.add(s.line("service.selector").put("service", "raft").put("revision", null));
        s.add(s.line("sts.created").put("statefulSet", "raft-green"));
        assertThat(s.invariants()).containsExactly(InvariantChecker.ONE_COLOUR);
    }

    @Test
    void trafficFollowingTheLeadersColourIsFine() {
        Story s = new Story();
        s.add(s.line("service.selector").put("service", "raft").put("revision", "rev-2.1.0"));
        assertThat(s.invariants()).isEmpty();
    }

    @Test
    void aSimulatedRunsTraceFileChecksClean(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sim.jsonl");
        new ScenarioRunner().run(Scenario.upgrade(5, "2.1.0", "2.2.0", 3, 9)).writeTrace(file);
        assertThat(Files.readAllLines(file)).hasSizeGreaterThan(20);
        assertThat(InvariantChecker.check(file)).isEmpty();
    }

    @Test
    void aTraceFileIsCheckedLineByLine(@TempDir Path dir) throws IOException {
        Story s = new Story().status("2.0.9", null);
        Path file = dir.resolve("run.jsonl");
        Files.write(file, s.lines);
        List<Violation> violations = InvariantChecker.check(file);
        assertThat(violations).extracting(Violation::invariant)
                .containsExactly(InvariantChecker.VERSION_FORWARD, InvariantChecker.VERSION_EXACT);
        assertThat(violations.get(0).line()).isEqualTo(s.lines.size());
    }
}
