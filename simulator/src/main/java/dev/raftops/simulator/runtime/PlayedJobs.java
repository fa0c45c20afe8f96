package dev.raftops.simulator.runtime;

import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.simulator.trace.Trace;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The executor Jobs of one {@link PlayedCluster}, started after the start-up delay. With a
 * {@link JobPlayer} a Job runs that program against the API of its pods ({@link ExecutorRun}) and
 * ends as the program did ({@link JobEnds}). Without one it is played on the model: a step-down
 * moves leadership off its target pod, a blue/green action acts on the colours' Raft
 * ({@code ExecutorEffects}), any other action succeeds; the {@code job-fail} fault fails them.
 */
final class PlayedJobs {

    private final Trace trace;
    private final PodWrites api;
    private final Duration readyDelay;
    private final Supplier<Instant> now;
    private final Map<String, PlayedStatefulSet> sets;
    /** The Raft shared by the colours of a blue/green cluster; null until one appears. */
    private final Supplier<PlayedColours> colours;
    private final Supplier<RuntimeFaults> faults;
    private final Supplier<JobPlayer> player;
    /** The Jobs whose program runs. */
    private final ExecutedJobs executed;
    /** The Jobs seen and not yet finished, by name: the state last reported and when the runtime first saw it. */
    private final Map<String, RunningJob> runningJobs = new TreeMap<>();
    private final Set<String> finishedJobs = new TreeSet<>();
    /** Jobs failed by the fault so far, per action. */
    private final Map<String, Integer> failedJobs = new TreeMap<>();

    PlayedJobs(Trace trace, PodWrites api, Duration readyDelay, Supplier<Instant> now,
            Map<String, PlayedStatefulSet> sets, Supplier<PlayedColours> colours, Supplier<RuntimeFaults> faults,
            Supplier<JobPlayer> player, PodApis apis) {
        this.player = player;
        this.executed = new ExecutedJobs(sets, apis);
        this.trace = trace;
        this.api = api;
        this.readyDelay = readyDelay;
        this.now = now;
        this.sets = sets;
        this.colours = colours;
        this.faults = faults;
    }

    private record RunningJob(Job job, Instant since) {
    }

    /**
     * Takes a state of one of the cluster's executor Jobs as the watch reported it: a new Job
     * starts running; one ended by someone else is traced as finished.
     */
    void job(Job job) {
        String name = job.getMetadata().getName();
        String action = action(job);
        if (finishedJobs.contains(name)) {
            return; // the runtime's own finish reported back, or a later change to a finished Job
        }
        RunningJob running = runningJobs.get(name);
        if (terminal(job)) {
            // ended by someone else (a failed executor pod, a test), perhaps before it was seen: it did nothing
            executed.stop(name); // its program meets a vanished API and ends; nobody reads its result
            if (runningJobs.remove(name) == null) {
                trace.write(trace.line("job.created").put("job", name).put("action", action));
            }
            finishedJobs.add(name);
            trace.write(trace.line("job.finished").put("job", name).put("action", action)
                    .put("result", job.getStatus().getConditions().stream().anyMatch(c -> "Failed".equals(
                            c.getType()) && "True".equals(c.getStatus())) ? "failed" : "succeeded"));
        } else if (running == null) {
            runningJobs.put(name, new RunningJob(job, now.get()));
            trace.write(trace.line("job.created").put("job", name).put("action", action));
        } else {
            runningJobs.put(name, new RunningJob(job, running.since()));
        }
    }

    /** A Job of the cluster was deleted: it no longer runs, and a new Job of that name is another Job. */
    void deleted(String name) {
        runningJobs.remove(name);
        executed.stop(name); // the program meets a vanished API, as an executor pod killed with its Job would stop
        finishedJobs.remove(name);
    }

    /** Finishes the Jobs that have run for the start-up delay. */
    void finishDue() {
        Instant at = now.get();
        for (RunningJob running : List.copyOf(runningJobs.values())) {
            if (!at.isBefore(running.since().plus(readyDelay))) {
                finish(running.job(), action(running.job()), at);
            }
        }
    }

    private static String action(Job job) {
        return job.getMetadata().getLabels().get("raftops.dev/action");
    }

    /** Stops the programs still running. */
    void close() {
        executed.close();
    }

    private void finish(Job job, String action, Instant at) {
        if (player.get() != null) {
            execute(job, action, at);
            return;
        }
        String failure = injectedFailure(action);
        boolean injected = failure != null;
        if (!injected && "step-down".equals(action)) {
            failure = stepDown(env(job, "RAFTOPS_TARGET_POD"));
        } else if (!injected && colours.get() != null && action != null) {
            failure = colourJob(job, action, at);
            if (WAITING.equals(failure)) {
                return; // wait-synced keeps running until Green has caught up (or its patience ends)
            }
        }
        Map<String, Object> condition = new TreeMap<>(Map.of("type", failure == null ? "Complete" : "Failed",
                "status", "True", "lastTransitionTime", at.toString()));
        Map<String, Object> status = new TreeMap<>(Map.of("startTime", runningJobs.get(job.getMetadata().getName())
                .since().toString(), "conditions", List.of(condition)));
        if (failure == null) {
            status.put("succeeded", 1);
            status.put("completionTime", at.toString());
        } else {
            condition.put("reason", injected ? "BackoffLimitExceeded"
                    : "step-down".equals(action) ? "StepDownFailed" : "ExecutorFailed");
            condition.put("message", failure);
            status.put("failed", 1);
        }
        boolean written = api.jobStatus(job.getMetadata().getName(), status);
        runningJobs.remove(job.getMetadata().getName());
        if (!written) {
            return; // deleted meanwhile: nobody reads its result; the watch reports the deletion
        }
        finishedJobs.add(job.getMetadata().getName());
        trace.write(trace.line("job.finished").put("job", job.getMetadata().getName()).put("action", action)
                .put("result", failure == null ? "succeeded" : "failed"));
    }

    /** Starts the Job's program, or, once it ended, ends the Job as the program did. */
    private void execute(Job job, String action, Instant at) {
        String name = job.getMetadata().getName();
        JobPlayer.JobEnd end = executed.advance(player.get(), job, () -> injectedFailure(action) != null);
        if (end == null) {
            return;
        }
        Instant since = runningJobs.get(name).since();
        boolean written = JobEnds.write(api, job, end, since, at);
        runningJobs.remove(name);
        if (written) {
            finishedJobs.add(name);
            trace.write(trace.line("job.finished").put("job", name).put("action", action)
                    .put("result", end.exitCode() == 0 ? "succeeded" : "failed").put("exitCode", end.exitCode()));
        }
    }

    private static final String WAITING = "";

    /** A blue/green Job acts on the colours' Raft ({@code ExecutorEffects}); its failure, null, or {@link #WAITING}. */
    private String colourJob(Job job, String action, Instant at) {
        ExecutorAction executor;
        try {
            executor = ExecutorAction.fromWire(action);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        String green = env(job, "RAFTOPS_GREEN_STATEFUL_SET");
        SortedMap<String, Boolean> greenPods = new TreeMap<>();
        PlayedStatefulSet set = green == null ? null : sets.get(green);
        if (set != null) {
            SortedSet<Integer> ready = set.ready();
            set.ordinals().forEach(o -> greenPods.put(green + "-" + o, ready.contains(o)));
        }
        boolean patient = at.isBefore(runningJobs.get(job.getMetadata().getName()).since().plus(SYNC_PATIENCE));
        if (executor == ExecutorAction.WAIT_SYNCED) {
            String max = env(job, "RAFTOPS_MAX_LAG_ENTRIES");
            if (colours.get().synced(greenPods, max == null ? 100 : Long.parseLong(max))) {
                return null;
            }
            return patient ? WAITING : "Green did not catch up within " + SYNC_PATIENCE;
        }
        var effect = colours.get().act(executor, env(job, "RAFTOPS_BLUE_STATEFUL_SET"), green, greenPods, null);
        return effect.waits() && patient ? WAITING : effect.failure();
    }

    /** How long a wait-synced Job waits for Green to catch up (or a Job for a Ready voter to lead) before it fails. */
    static final Duration SYNC_PATIENCE = Duration.ofSeconds(30);

    /** The failure the {@code job-fail} fault makes of this Job of {@code action}, or null. */
    private String injectedFailure(String action) {
        int failed = failedJobs.getOrDefault(action, 0);
        if (failed >= faults.get().failingJobs(action)) {
            return null;
        }
        failedJobs.put(action, failed + 1);
        trace.write(trace.line("fault").put("fault", "job-fail").put("action", action).put("failure", failed + 1));
        return "injected fault job-fail@" + action;
    }

    /** Moves leadership off {@code target} if it still leads; the reason it could not, or null. */
    private String stepDown(String target) {
        if (target == null) {
            return null;
        }
        int dash = target.lastIndexOf('-');
        PlayedStatefulSet set = sets.get(target.substring(0, Math.max(dash, 0)));
        if (set == null || !target.substring(dash + 1).matches("[0-9]{1,9}")) {
            return null; // the target is gone: it no longer leads
        }
        int ordinal = Integer.parseInt(target.substring(dash + 1));
        if (!set.raft.leads(ordinal)) {
            return null;
        }
        if (colours.get() != null && set.raft instanceof ColourRaft) {
            return colours.get().act(ExecutorAction.STEP_DOWN, null, null, new TreeMap<>(), target).failure();
        }
        if (set.raft.transfer(set.ready(), set.name)) {
            set.relabel(); // the labels move before the Job reports success, as the workload's own would
            return null;
        }
        return "no other Ready voter to take over from " + target;
    }

    private static String env(Job job, String name) {
        return ExecutedJobs.env(job, name);
    }

    private static boolean terminal(Job job) {
        return job.getStatus() != null && job.getStatus().getConditions() != null && job.getStatus().getConditions()
                .stream().anyMatch(c -> "True".equals(c.getStatus())
                        && ("Complete".equals(c.getType()) || "Failed".equals(c.getType())));
    }
}
