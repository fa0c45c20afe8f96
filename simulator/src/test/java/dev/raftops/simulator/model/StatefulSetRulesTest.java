package dev.raftops.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.model.StatefulSetRules.Replica;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StatefulSetRulesTest {

    private static SortedMap<Integer, Replica> pods(Replica... replicas) {
        SortedMap<Integer, Replica> out = new TreeMap<>();
        for (int i = 0; i < replicas.length; i++) {
            if (replicas[i] != null) {
                out.put(i, replicas[i]);
            }
        }
        return out;
    }

    private static Replica ready(String revision) {
        return new Replica(revision, true);
    }

    @Test
    void orderedReadyCreatesTheLowestMissingOrdinalOnceEveryLowerPodIsReady() {
        assertThat(StatefulSetRules.nextToCreate(3, pods(ready("a"), null, null))).hasValue(1);
    }

    @Test
    void orderedReadyCreatesNothingWhileALowerPodIsNotReady() {
        assertThat(StatefulSetRules.nextToCreate(3, pods(new Replica("a", false), null, null))).isEmpty();
    }

    @Test
    void parallelCreatesEveryMissingOrdinalAtOnce() {
        assertThat(StatefulSetRules.toCreate(3, pods(new Replica("a", false), null, null), false))
                .containsExactly(1, 2);
    }

    @Test
    void aPodCreatedBelowThePartitionGetsTheCurrentRevision() {
        assertThat(StatefulSetRules.revisionFor(1, 2, "old", "new")).isEqualTo("old");
        assertThat(StatefulSetRules.revisionFor(2, 2, "old", "new")).isEqualTo("new");
    }

    @Test
    void theHighestOutOfDateOrdinalAtOrAboveThePartitionRollsFirst() {
        assertThat(StatefulSetRules.nextToRoll(3, 1, "new", pods(ready("old"), ready("old"), ready("old"))))
                .hasValue(2);
        assertThat(StatefulSetRules.nextToRoll(3, 1, "new", pods(ready("old"), ready("old"), ready("new"))))
                .hasValue(1);
    }

    @Test
    void nothingRollsBelowThePartition() {
        assertThat(StatefulSetRules.nextToRoll(3, 1, "new", pods(ready("old"), ready("new"), ready("new"))))
                .isEmpty();
    }

    @Test
    void nothingRollsWhileAReplicaIsMissingOrNotReady() {
        assertThat(StatefulSetRules.nextToRoll(3, 0, "new", pods(ready("old"), null, ready("old")))).isEmpty();
        assertThat(StatefulSetRules.nextToRoll(3, 0, "new", pods(ready("old"), new Replica("old", false),
                ready("old")))).isEmpty();
    }

    @Test
    void theCurrentRevisionBecomesTheUpdateRevisionOnlyOnceEveryReplicaIsUpdated() {
        assertThat(StatefulSetRules.currentRevision(3, 2, "old", "new")).isEqualTo("old");
        assertThat(StatefulSetRules.currentRevision(3, 3, "old", "new")).isEqualTo("new");
    }
}
