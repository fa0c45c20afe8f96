package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.RollingReasons.*;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.Revision;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.domain.version.UpgradeValidation;
import dev.raftops.domain.version.UpgradeVerdict;
import java.util.List;
import java.util.Map;

/**
 * The {@link RollingPhase#Converging} phase: no version is known yet. Once the StatefulSet has
 * converged with every pod Ready, the version it runs becomes {@code status.currentVersion} and the
 * cluster is initialized; until then the pass waits.
 */
final class FirstConvergence {

    private FirstConvergence() {
    }

    /**
     * Before the first version is known: once the StatefulSet has converged with every pod Ready,
     * the version it runs becomes {@code status.currentVersion}.
     */
    static Decision decide(RollingPass pass, UpgradeStrategy strategy) {
        DecisionInput in = pass.in();
        UpgradeVerdict verdict = UpgradeValidation.check(null, in.spec().version(), in.spec().image(),
                in.spec().upgrade().policy());
        if (verdict.blocked()) {
            return pass.blocked(verdict);
        }
        // a blue/green cluster starts as its Blue StatefulSet, named by the revision it runs
        String name = strategy == UpgradeStrategy.BLUE_GREEN
                ? Revision.statefulSet(in.cluster().name(),
                        Revision.of(verdict.target().toString(), in.spec().image(), in.spec().replicas()))
                : in.statefulSetName();
        StatefulSetView sts = in.observation().statefulSet(name).orElse(null);
        String image = in.spec().imageFor(verdict.target().toString());
        if (sts != null && sts.templateImage() != null && !image.equals(sts.templateImage())) {
            return pass.blocked(new UpgradeVerdict(UpgradeVerdict.Kind.BLOCKED, TEMPLATE_IMAGE_DIFFERS,
                    templateImageDiffers(in, sts, image), verdict.target(), List.of()));
        }
        boolean converged = sts != null && sts.replicas() == in.spec().replicas() && RollOrder.of(sts).converged(sts)
                && image.equals(sts.templateImage()) && allReady(in, sts);
        if (!converged) {
            return Decision.of(in.status(), Wake.idle());
        }
        // UpToDate is written with it: the pass goes idle, and its own status write wakes nobody; a
        // restart request the cluster was created with is handled: its pods have just started
        ClusterStatus created = pass.restartRequest().pending()
                ? in.status().withRequests(in.status().requests().withRestart(pass.restartRequest().token()))
                : in.status();
        ClusterStatus next = created.withCurrentVersion(verdict.target().toString()).withCurrentImage(image)
                .withCondition(Condition.AVAILABLE, Condition.Status.True, CLUSTER_INITIALIZED,
                        "all " + in.spec().replicas() + " voters run " + verdict.target(), in.generation(), in.now())
                .withCondition(Condition.UPGRADING, Condition.Status.False, UP_TO_DATE,
                        "running " + verdict.target(), in.generation(), in.now());
        return Decision.of(next, Wake.idle(), new Action.Emit(ClusterEvent.normal(CLUSTER_INITIALIZED,
                "cluster converged on " + verdict.target(), pass.audit())));
    }

    /**
     * Why the first convergence waits on a StatefulSet whose template runs another image: a live template
     * changes only by a roll, and a roll needs the version the cluster runs (docs/decisions/image-change-is-a-roll.md).
     */
    private static String templateImageDiffers(DecisionInput in, StatefulSetView sts, String image) {
        String fix = in.spec().workload().adopted()
                ? "set spec.image to " + sts.templateImage() + " (the adopted StatefulSet's image); a later change rolls"
                : "set spec.image back to " + sts.templateImage() + " until the cluster has converged (a later change "
                        + "rolls), or delete StatefulSet " + sts.name() + " to have it created with " + image
                        + " (its volumes stay)";
        return "StatefulSet " + sts.name() + " runs image " + sts.templateImage() + ", spec.image asks for " + image
                + "; a live template changes only by a rolling roll, which starts once the cluster has converged: "
                + fix;
    }

    private static boolean allReady(DecisionInput in, StatefulSetView sts) {
        Map<Integer, PodView> pods = in.observation().podsOf(sts.name());
        for (int ordinal = 0; ordinal < in.spec().replicas(); ordinal++) {
            PodView pod = pods.get(ordinal);
            if (pod == null || !pod.ready() || pod.terminating()) {
                return false;
            }
        }
        return true;
    }
}
