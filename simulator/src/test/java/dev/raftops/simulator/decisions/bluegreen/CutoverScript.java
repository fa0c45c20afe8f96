package dev.raftops.simulator.decisions.bluegreen;

import dev.raftops.domain.bluegreen.BlueGreenDecision;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.Revision;
import dev.raftops.domain.resource.UpgradeRequests;
import dev.raftops.domain.resource.UpgradeSpec;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.simulator.model.ExecutorEffects;
import dev.raftops.simulator.model.RaftMembership;
import dev.raftops.simulator.model.StatefulSetRules;
import dev.raftops.simulator.trace.SimClock;
import dev.raftops.simulator.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A blue/green cutover whose moves the test scripts (finish a Job, make pods Ready, move the leader,
 * edit the spec, let time pass), played on the simulator's one model: the Raft configuration is a
 * {@link RaftMembership}, a finished Job acts on it through {@link ExecutorEffects}, and a created
 * StatefulSet gets the pods {@link StatefulSetRules} says (Parallel: every ordinal at once, none
 * Ready). The decision's actions are applied as the adapters would.
 */
final class CutoverScript {

    static final String NAME = "vault";
    static final ClusterKey KEY = new ClusterKey("ns", NAME);
    static final List<String> SERVICES = List.of(NAME, NAME + "-active");

    ClusterSpec spec;
    ClusterStatus status;
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    final Random random;
    final TreeMap<String, StatefulSetView> workloads = new TreeMap<>();
    /** The pods' own state (readiness, termination); leadership, voting and lag come from {@link #raft}. */
    private final TreeMap<String, PodView> pods = new TreeMap<>();
    final TreeMap<String, JobView> jobs = new TreeMap<>();
    final TreeMap<String, String> selectors = new TreeMap<>();
    final List<ClusterEvent> events = new ArrayList<>();
    /** Jobs of these actions stay running in {@link #runCooperatively}: the test finishes them. */
    final Set<ExecutorAction> finishedByTest = EnumSet.noneOf(ExecutorAction.class);
    private final RaftMembership raft;
    private int uids;

    private CutoverScript(long seed) {
        this.random = new Random(seed);
        this.raft = new RaftMembership(new Trace(new SimClock(now), KEY.namespace() + "/" + NAME), 1);
    }

    /** A healthy 3-voter Blue on {@code 1.4.0}, Services on Blue, strategy BlueGreen, spec asking for {@code target}. */
    /** A cluster settled on 1.4.0 that receives a token under {@code spec.upgrade.requests}; one pass later. */
    static CutoverScript idleAfterRequest(UnaryOperator<UpgradeRequests> token) {
        CutoverScript w = running("1.4.0");
        w.request(token);
        w.step();
        return w;
    }

    static CutoverScript running(String target) {
        return running(target, 3, 1L);
    }

    static CutoverScript running(String target, int replicas, long seed) {
        CutoverScript w = new CutoverScript(seed);
        String blue = Revision.of("1.4.0", image("1.4.0"), replicas);
        String blueSet = Revision.statefulSet(NAME, blue);
        w.createWorkload(new Action.CreateWorkload(blueSet, blue, "1.4.0", image("1.4.0"), replicas, null));
        w.raft.bootstrap(w.podsOf(blueSet).stream().map(PodView::name).toList());
        w.readyAll();
        w.raft.elect(blueSet + "-0", false);
        SERVICES.forEach(s -> w.selectors.put(s, blue));
        w.spec = new ClusterSpec(target, image(target), replicas, false, null, null,
                UpgradeSpec.defaults().withStrategy(UpgradeStrategy.BLUE_GREEN), null);
        w.status = ClusterStatus.initial().withCurrentVersion("1.4.0")
                .withAcceptedUpgradeStrategy(UpgradeStrategy.BLUE_GREEN.wireName())
                .withBlueGreen(BlueGreenStatus.idle(blue, image("1.4.0")));
        return w;
    }

    static String image(String version) {
        return "openbao/openbao:" + version;
    }

    // ---- the decision ------------------------------------------------------------------------

    DecisionInput input() {
        return new DecisionInput(KEY, 1, spec, status, observe(), now, random, RetryTiming.defaults().withoutJitter());
    }

    ClusterObservation observe() {
        return new ClusterObservation(workloads, pods(), jobs, selectors);
    }

    /** Every pod as observed: its own state, with Raft leadership, voting and lag from the membership. */
    List<PodView> pods() {
        List<PodView> out = new ArrayList<>();
        for (PodView p : pods.values()) {
            Long lag = raft.lag(p.name());
            out.add(new PodView(p.name(), p.statefulSet(), p.ordinal(), p.uid(), p.revision(), p.image(), p.version(),
                    p.ready(), p.terminating(), 0, p.name().equals(raft.leader()) ? Leadership.LEADER
                            : Leadership.FOLLOWER, lag == null ? 0L : lag, raft.isVoter(p.name()), Map.of()));
        }
        return out;
    }

    List<PodView> livePods() {
        return pods().stream().filter(p -> !p.terminating()).toList();
    }

    /** Decides once, applies the actions, persists the status. */
    Decision step() {
        Decision d = BlueGreenDecision.decide(input());
        apply(d);
        return d;
    }

    void apply(Decision d) {
        for (Action a : d.actions()) {
            if (a instanceof Action.CreateWorkload c) {
                createWorkload(c);
            } else if (a instanceof Action.DeleteWorkload del) {
                deleteWorkload(del.statefulSet());
            } else if (a instanceof Action.CreateJob j) {
                jobs.putIfAbsent(j.job().name(), new JobView(j.job().name(), j.job().action().wireName(),
                        JobResult.RUNNING, now, null, null));
            } else if (a instanceof Action.SwitchTraffic t) {
                SERVICES.forEach(s -> selectors.put(s, t.revision()));
            } else if (a instanceof Action.Emit e) {
                events.add(e.event());
            } else {
                throw new AssertionError("blue/green never asks for " + a);
            }
        }
        status = d.nextStatus();
    }

    // ---- moves of the world --------------------------------------------------------------------

    void createWorkload(Action.CreateWorkload c) {
        if (workloads.containsKey(c.statefulSet())) {
            return;
        }
        String uid = "uid-" + (++uids);
        workloads.put(c.statefulSet(), new StatefulSetView(c.statefulSet(), uid, "1", c.replicas(), null, true,
                c.revision(), c.revision(), c.image(), 1, 1, 0, c.replicas(), Map.of()));
        SortedMap<Integer, StatefulSetRules.Replica> none = new TreeMap<>();
        for (int i : StatefulSetRules.toCreate(c.replicas(), none, false)) {
            String pod = c.statefulSet() + "-" + i;
            pods.put(pod, new PodView(pod, c.statefulSet(), i, uid + "-" + i, c.revision(), c.image(), c.version(),
                    false, false, 0, Leadership.FOLLOWER, 0L, false, Map.of()));
        }
    }

    /** The StatefulSet goes; its pods terminate (they stop serving Raft). */
    void deleteWorkload(String statefulSet) {
        workloads.remove(statefulSet);
        for (PodView p : podsOf(statefulSet)) {
            pods.put(p.name(), new PodView(p.name(), p.statefulSet(), p.ordinal(), p.uid(), p.revision(), p.image(),
                    p.version(), false, true, 0, Leadership.FOLLOWER, 0L, false, Map.of()));
            raft.ready(p.name(), false);
        }
    }

    /** Terminating pods disappear. */
    void settlePods() {
        pods.values().removeIf(PodView::terminating);
    }

    List<PodView> podsOf(String statefulSet) {
        return pods().stream().filter(p -> statefulSet.equals(p.statefulSet())).toList();
    }

    void readyAll() {
        for (PodView p : List.copyOf(pods.values())) {
            if (!p.terminating()) {
                setPod(p.name(), x -> x.withReady(true));
            }
        }
    }

    /** Changes a pod's readiness or lag; the Raft membership follows. */
    void setPod(String name, UnaryOperator<PodView> change) {
        PodView before = pods().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        if (before == null) {
            return;
        }
        PodView after = change.apply(before);
        pods.put(name, after);
        raft.ready(name, after.ready());
        if (after.lag() != null && !after.lag().equals(before.lag())) {
            raft.lag(name, after.lag());
        }
    }

    /** Raft elects {@code pod} (a live pod). */
    void leader(String pod) {
        raft.elect(pod, true);
    }

    /** Ordinal 0 of {@code statefulSet} leads. No-op when it has no live pod 0. */
    void leaderTo(String statefulSet) {
        PodView next = pods.get(statefulSet + "-0");
        if (next != null && !next.terminating()) {
            leader(next.name());
        }
    }

    /** The leader's pod blinks (stops and comes back): the group has no leader until it elects one. */
    void noLeader() {
        String leader = raft.leader();
        if (leader != null) {
            raft.ready(leader, false);
            raft.ready(leader, pods.get(leader) != null && pods.get(leader).ready());
        }
    }

    Optional<JobView> runningJob(ExecutorAction action) {
        return jobs.values().stream().filter(j -> j.result() == JobResult.RUNNING)
                .filter(j -> j.action().equals(action.wireName())).findFirst();
    }

    List<JobView> runningJobs() {
        return jobs.values().stream().filter(j -> j.result() == JobResult.RUNNING).toList();
    }

    /**
     * Finishes {@code job}. A success acts on the Raft configuration as the executor would
     * ({@link ExecutorEffects}); a step the configuration refuses fails the Job with the model's reason.
     */
    void finish(JobView job, boolean success) {
        String failure = success ? effect(ExecutorAction.fromWire(job.action())) : "exit code 1";
        jobs.put(job.name(), new JobView(job.name(), job.action(), failure == null ? JobResult.SUCCEEDED
                : JobResult.FAILED, job.createdAt(), now, failure));
    }

    private String effect(ExecutorAction action) {
        BlueGreenStatus bg = status.blueGreen();
        String blue = bg == null ? null : Revision.statefulSet(NAME, bg.blueRevision());
        String green = bg == null || bg.greenRevision() == null ? null : Revision.statefulSet(NAME, bg.greenRevision());
        SortedMap<String, Boolean> greenPods = new TreeMap<>();
        if (green != null) {
            podsOf(green).forEach(p -> greenPods.put(p.name(), p.ready()));
        }
        return ExecutorEffects.apply(raft, action, blue, green, greenPods, null, random, () -> 0L).failure();
    }

    void finishAll(ExecutorAction action, boolean success) {
        runningJobs().stream().filter(j -> j.action().equals(action.wireName())).forEach(j -> finish(j, success));
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    void editSpec(UnaryOperator<ClusterSpec> change) {
        spec = change.apply(spec);
    }

    void editUpgrade(UnaryOperator<UpgradeSpec> change) {
        spec = spec.withUpgrade(change.apply(spec.upgrade()));
    }

    /** A person sets a token under {@code spec.upgrade.requests} (promote, rollback, retry). */
    void request(UnaryOperator<UpgradeRequests> token) {
        editUpgrade(u -> u.withRequests(token.apply(u.requests())));
    }

    BlueGreenStatus bg() {
        return status.blueGreen();
    }

    BlueGreenPhase phase() {
        return bg() == null ? BlueGreenPhase.Idle : bg().phase();
    }

    String blueSet() {
        return Revision.statefulSet(NAME, bg().blueRevision());
    }

    String greenSet() {
        return Revision.statefulSet(NAME, bg().greenRevision());
    }

    /** {@code count} passes of a cooperative world ({@link #runCooperatively}), whatever they reach. */
    void runPasses(int count) {
        runCooperatively(count, w -> false);
    }

    boolean emitted(String reason) {
        return events.stream().anyMatch(e -> e.reason().equals(reason));
    }

    /**
     * A cooperative world: every running Job succeeds, pods become Ready, terminating pods go, time
     * moves on; decides after each move until {@code until} holds or {@code maxSteps} passed.
     */
    void runCooperatively(int maxSteps, Predicate<CutoverScript> until) {
        for (int i = 0; i < maxSteps && !until.test(this); i++) {
            step();
            runningJobs().stream().filter(j -> !finishedByTest.contains(ExecutorAction.fromWire(j.action())))
                    .forEach(j -> finish(j, true));
            readyAll();
            settlePods();
            advance(Duration.ofSeconds(30));
        }
    }
}
