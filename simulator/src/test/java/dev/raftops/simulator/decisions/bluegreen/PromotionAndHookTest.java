package dev.raftops.simulator.decisions.bluegreen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.bluegreen.BlueGreenReasons;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.ExecutorAction;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromotionAndHookTest {

    private static final BlueGreenSpec.PrePromotionHook HOOK =
            new BlueGreenSpec.PrePromotionHook("curlimages/curl:8", List.of("sh", "-c"), List.of("exit 0"), 0);

    private static CutoverScript manual() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.editUpgrade(u -> u.withBlueGreen(new BlueGreenSpec(false, 5, null, null)));
        w.runCooperatively(40, x -> x.bg() != null && x.bg().phase() == BlueGreenPhase.Syncing
                && x.bg().stepDone(ExecutorAction.WAIT_SYNCED));
        return w;
    }

    private static CutoverScript withHook(BlueGreenSpec.AutoRollback autoRollback) {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.editUpgrade(u -> u.withBlueGreen(new BlueGreenSpec(true, 5,
                new BlueGreenSpec.Verification(null, 100, HOOK), autoRollback)));
        w.finishedByTest.add(ExecutorAction.VALIDATION_HOOK);
        w.runCooperatively(40, x -> x.runningJob(ExecutorAction.VALIDATION_HOOK).isPresent());
        return w;
    }

    @Test
    void holdsInSyncingUntilAPromoteTokenWhenAutoPromoteIsOff() {
        CutoverScript w = manual();
        w.runPasses(10);
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Syncing);
        assertThat(w.emitted(BlueGreenReasons.AWAITING_PROMOTION)).isTrue();
        assertThat(w.events).filteredOn(e -> e.reason().equals(BlueGreenReasons.AWAITING_PROMOTION)).hasSize(1);
    }

    @Test
    void aPromoteTokenEndsTheHoldAndIsRecordedAsHandled() {
        CutoverScript w = manual();
        w.step();
        w.request(r -> r.withPromote("go"));
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Promoting);
        assertThat(w.status.requests().lastHandledPromote()).isEqualTo("go");
        assertThat(w.emitted(BlueGreenReasons.PROMOTION_APPROVED)).isTrue();
    }

    @Test
    void aPromoteTokenGivenEarlyWaitsForTheHold() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.editUpgrade(u -> u.withBlueGreen(new BlueGreenSpec(false, 5, null, null)));
        w.step();
        w.request(r -> r.withPromote("early"));
        w.runCooperatively(40, x -> x.phase() == BlueGreenPhase.Promoting);
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Promoting);
        assertThat(w.emitted(BlueGreenReasons.PROMOTE_IGNORED)).isFalse();
    }

    @Test
    void aPromoteTokenWhileIdleIsAcknowledgedAndIgnored() {
        CutoverScript w = CutoverScript.idleAfterRequest(r -> r.withPromote("stray"));
        assertThat(w.status.requests().lastHandledPromote()).isEqualTo("stray");
        assertThat(w.emitted(BlueGreenReasons.PROMOTE_IGNORED)).isTrue();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
    }

    @Test
    void theHookRunsAfterSyncWithItsImageAndCommand() {
        CutoverScript w = withHook(null);
        JobView hook = w.runningJob(ExecutorAction.VALIDATION_HOOK).orElseThrow();
        assertThat(w.bg().stepDone(ExecutorAction.WAIT_SYNCED)).isTrue();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Syncing);
        assertThat(hook.name()).startsWith(CutoverScript.NAME + "-validation-hook");
    }

    @Test
    void aPassingHookLetsTheAttemptPromote() {
        CutoverScript w = withHook(null);
        w.finishAll(ExecutorAction.VALIDATION_HOOK, true);
        w.runCooperatively(5, x -> x.phase() == BlueGreenPhase.Promoting);
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Promoting);
    }

    @Test
    void aFailedHookAbortsWhenAutoRollbackIsOn() {
        CutoverScript w = withHook(BlueGreenSpec.AutoRollback.defaults());
        String green = w.greenSet();
        w.finishAll(ExecutorAction.VALIDATION_HOOK, false);
        Decision d = w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Idle);
        assertThat(w.bg().rollbackReason()).isEqualTo(BlueGreenReasons.VALIDATION_FAILED);
        assertThat(w.bg().failedTarget()).isNotNull();
        assertThat(d.actionsOf(Action.DeleteWorkload.class)).singleElement()
                .satisfies(del -> assertThat(del.statefulSet()).isEqualTo(green));
    }

    @Test
    void aFailedHookHoldsWhenAutoRollbackIsOff() {
        CutoverScript w = withHook(new BlueGreenSpec.AutoRollback(false, true, true));
        w.finishAll(ExecutorAction.VALIDATION_HOOK, false);
        w.runPasses(5);
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.Syncing);
        assertThat(w.bg().holdReason()).isEqualTo(BlueGreenReasons.VALIDATION_FAILED);
        assertThat(w.workloads).containsKey(w.greenSet());
        assertThat(w.runningJobs()).isEmpty();
    }

    @Test
    void aRetryTokenRunsAHeldHookAgainUnderANewName() {
        CutoverScript w = withHook(new BlueGreenSpec.AutoRollback(true, true, false));
        JobView failed = w.runningJob(ExecutorAction.VALIDATION_HOOK).orElseThrow();
        w.finish(failed, false);
        w.step();
        w.request(r -> r.withRetry("hook-again"));
        w.step();
        assertThat(w.bg().holdReason()).isNull();
        assertThat(w.step().actionsOf(Action.CreateJob.class)).singleElement()
                .satisfies(j -> assertThat(j.job().name()).isNotEqualTo(failed.name()));
    }
}
