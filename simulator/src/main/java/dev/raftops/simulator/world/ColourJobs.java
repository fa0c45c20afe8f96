package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.model.ExecutorEffects;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The executor Jobs of a blue/green {@link ColourWorld}: a Job runs a few seconds, then acts on the
 * colours' Raft ({@link ExecutorEffects}, the model the runtime plays too). {@code wait-synced} waits
 * until Green has caught up ({@link ExecutorEffects#synced}), and a step that needs a Ready voter of a
 * colour to lead waits for one, each at most {@link #SYNC_PATIENCE}. A Job named by a
 * {@link Fault.JobFailure} fails without acting.
 */
final class ColourJobs {

    /** How long a wait-synced Job waits for Green to catch up (or a Job for a Ready voter to lead) before it fails. */
    static final Duration SYNC_PATIENCE = Duration.ofSeconds(60);

    private final SimWorld w;
    private final ColourWorld colours;

    ColourJobs(SimWorld world, ColourWorld colours) {
        this.w = world;
        this.colours = colours;
    }

    void run(SimJob job) {
        w.at(w.between(2000, 6000), () -> finish(job, w.clock().instant().plus(SYNC_PATIENCE)));
    }

    private void finish(SimJob job, Instant patience) {
        if (!w.jobs().exists(job)) {
            return; // deleted meanwhile
        }
        ExecutorEffects.Effect effect = job.fails ? null : act(job);
        String failure = job.fails ? "injected failure" : effect.failure();
        boolean unsynced = failure == null && job.request.action() == ExecutorAction.WAIT_SYNCED && !synced(job);
        if (unsynced || (effect != null && effect.waits())) {
            if (w.clock().instant().isBefore(patience)) {
                w.at(Duration.ofSeconds(1), () -> finish(job, patience));
                return;
            }
            failure = unsynced ? "Green did not catch up within " + SYNC_PATIENCE : failure;
        }
        job.finishedAt = w.clock().instant();
        job.result = failure == null ? JobResult.SUCCEEDED : JobResult.FAILED;
        job.message = failure;
        w.trace().write(w.trace().line("job.finished").put("job", job.request.name())
                .put("action", job.request.action().wireName()).put("result", failure == null ? "succeeded" : "failed"));
        w.changed();
    }

    private ExecutorEffects.Effect act(SimJob job) {
        Map<String, String> p = job.request.parameters();
        String green = p.get("greenStatefulSet");
        ExecutorEffects.Effect effect = ExecutorEffects.apply(colours.raft(), job.request.action(),
                p.get("blueStatefulSet"), green, colours.podsOf(green), p.get(RollingJobs.TARGET_POD), w.random(),
                () -> 300L + w.random().nextInt(500));
        colours.acted(effect.joined());
        return effect;
    }

    private boolean synced(SimJob job) {
        Map<String, String> p = job.request.parameters();
        return ExecutorEffects.synced(colours.raft(), colours.podsOf(p.get("greenStatefulSet")),
                Long.parseLong(p.getOrDefault("maxLagEntries", "100")));
    }
}
