package dev.raftops.domain.bluegreen;

import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.BlueGreenTarget;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.Revision;
import dev.raftops.domain.version.SemVer;
import java.util.ArrayList;
import java.util.List;

/**
 * A dry run of a blue/green cutover: the Blue and Green StatefulSets, the phases in order with
 * their executor Jobs, workload writes and waits, where the attempt holds for promotion, and for an
 * attempt already in flight what is done and what it waits for. Read from the same status the
 * decision resumes from; Job names are the decision's once the attempt id is known.
 *
 * @param attemptId null before the attempt starts (it is drawn at random then, and names every Job)
 * @param phase the phase the attempt is in ({@code Idle} for a new attempt)
 * @param waitsFor what the attempt in flight waits for; null for a new attempt
 * @param latched why a new attempt does not start (its target failed before), or null
 */
public record CutoverPlan(String blueStatefulSet, String greenStatefulSet, String greenVersion, int greenReplicas,
        boolean manualPromotion, String attemptId, BlueGreenPhase phase, List<Stage> stages, String waitsFor,
        String latched) {

    public enum StageState { DONE, CURRENT, NEXT }

    public enum StepKind {
        /** An executor Job ({@code action}). */
        JOB,
        /** A write raftops makes to the workload or the Services. */
        WRITE,
        /** A condition raftops waits for. */
        WAIT,
        /** The attempt stops here until a person acts. */
        HOLD
    }

    /** One phase and its steps. */
    public record Stage(BlueGreenPhase phase, StageState state, List<Step> steps) {

        public Stage {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One step of a phase.
     *
     * @param action the executor action of a {@code JOB} step, else null
     * @param job the Job's name once the attempt is known, else null
     * @param done a Job recorded in {@code status.blueGreen.completedSteps} (other steps are not recorded)
     */
    public record Step(StepKind kind, String what, ExecutorAction action, String job, boolean done) {
    }

    public CutoverPlan {
        stages = List.copyOf(stages);
    }

    /**
     * The plan of a new attempt at {@code spec}'s version.
     *
     * @param blue the recorded blue/green status, or null (Blue is then the revision of {@code currentVersion})
     */
    public static CutoverPlan start(String cluster, ClusterSpec spec, BlueGreenStatus blue, String currentVersion) {
        BlueGreenStatus idle = blue != null ? blue : BlueGreenDecision.bootstrap(currentVersion, spec);
        String version = SemVer.canonical(spec.version());
        BlueGreenTarget target = new BlueGreenTarget(version, spec.image(), spec.replicas(),
                spec.upgrade().blueGreen().autoPromote());
        BlueGreenStatus planned = (idle != null ? idle : BlueGreenStatus.idle(null, null))
                .started("attempt", target, null, null);
        List<Stage> stages = new ArrayList<>();
        for (BlueGreenPhase phase : PhaseSteps.forwardPath()) {
            stages.add(new Stage(phase, StageState.NEXT, PhaseSteps.of(phase, cluster, spec, planned)));
        }
        return new CutoverPlan(idle == null ? null : idle.blueSet(cluster),
                Revision.statefulSet(cluster, target.revision()), version, spec.replicas(), !target.autoPromote(), null,
                BlueGreenPhase.Idle, stages, null,
                idle != null && target.revision().equals(idle.failedTarget()) ? AttemptStart.latched(target) : null);
    }

    /** The plan of the attempt in flight in {@code bg}: the phases behind it, its own, and those ahead. */
    public static CutoverPlan resume(String cluster, ClusterSpec spec, BlueGreenStatus bg) {
        List<BlueGreenPhase> path = bg.phase().rollingBack() ? PhaseSteps.rollbackPath() : PhaseSteps.forwardPath();
        int at = path.indexOf(bg.phase());
        List<Stage> stages = new ArrayList<>();
        String waits = null;
        for (int i = 0; i < path.size(); i++) {
            BlueGreenPhase phase = path.get(i);
            StageState state = i < at ? StageState.DONE : i == at ? StageState.CURRENT : StageState.NEXT;
            // a later phase starts its Job runs at 0; the current one is at its failure count
            BlueGreenStatus run = state == StageState.CURRENT ? bg : bg.withJobFailure(0, null);
            List<Step> steps = new ArrayList<>();
            for (Step step : PhaseSteps.of(phase, cluster, spec, bg)) {
                String job = step.action() == null || state == StageState.DONE ? null
                        : step.action() == ExecutorAction.PRE_UPGRADE_SNAPSHOT && bg.snapshotJob() != null
                                ? bg.snapshotJob()
                                : ExecutorStep.jobName(cluster, run, step.action(), phase.rollingBack());
                boolean done = state == StageState.DONE
                        || state == StageState.CURRENT && step.action() != null && bg.stepDone(step.action());
                steps.add(new Step(step.kind(), step.what(), step.action(), job, done));
            }
            if (state == StageState.CURRENT) {
                waits = waitsFor(bg, steps);
            }
            stages.add(new Stage(phase, state, steps));
        }
        return new CutoverPlan(bg.blueSet(cluster),
                Revision.statefulSet(cluster, bg.greenRevision()), bg.greenVersion(), bg.greenReplicas(),
                bg.manualPromotionRequired(), bg.attemptId(), bg.phase(), stages, waits, null);
    }

    private static String waitsFor(BlueGreenStatus bg, List<Step> steps) {
        if (bg.holdReason() != null) {
            return "a person (" + bg.holdReason() + "): " + ExecutorStep.PERSON_ADVICE;
        }
        boolean jobsDone = steps.stream().filter(s -> s.kind() == StepKind.JOB).allMatch(Step::done);
        for (Step step : steps) {
            if (step.kind() == StepKind.JOB && !step.done()) {
                return "Job " + step.job() + " (" + step.action().wireName() + "): " + step.what();
            }
            if (step.kind() == StepKind.HOLD && jobsDone) {
                return "a person: " + ForwardPhases.AWAITING_PROMOTION;
            }
        }
        // the status records Jobs only: the writes and waits after the last finished Job are what is left
        int lastDone = -1;
        for (int i = 0; i < steps.size(); i++) {
            lastDone = steps.get(i).done() ? i : lastDone;
        }
        List<String> left = steps.subList(lastDone + 1, steps.size()).stream().map(Step::what).toList();
        return left.isEmpty() ? "the next pass" : String.join("; then ", left);
    }
}
