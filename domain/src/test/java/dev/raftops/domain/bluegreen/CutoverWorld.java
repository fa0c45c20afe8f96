package dev.raftops.domain.bluegreen;

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
import dev.raftops.domain.resource.UpgradeSpec;
import dev.raftops.domain.resource.UpgradeStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A small model of the world around one cluster, for blue/green tests: StatefulSets, pods with
 * readiness, leadership and voting, executor Jobs, and the client Services' selector. It applies a
 * decision's actions the way the adapters would, and offers the moves a test needs (finish a Job,
 * make pods Ready, move the leader, edit the spec). Raft effects of a successful executor Job follow
 * the action (a demotion moves leadership to Green, a consensus repair back to Blue).
 */
final class CutoverWorld {

    static final String NAME = "vault";
    static final ClusterKey KEY = new ClusterKey("ns", NAME);
    static final List<String> SERVICES = List.of(NAME, NAME + "-active");

    ClusterSpec spec;
    ClusterStatus status;
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    final Random random;
    final TreeMap<String, StatefulSetView> workloads = new TreeMap<>();
    final TreeMap<String, PodView> pods = new TreeMap<>();
    final TreeMap<String, JobView> jobs = new TreeMap<>();
    final TreeMap<String, String> selectors = new TreeMap<>();
    final List<ClusterEvent> events = new ArrayList<>();
    /** Jobs of these actions stay running in {@link #runCooperatively}: the test finishes them. */
    final java.util.Set<ExecutorAction> finishedByTest = java.util.EnumSet.noneOf(ExecutorAction.class);
    private int uids;

    private CutoverWorld(long seed) {
        this.random = new Random(seed);
    }

    /** A healthy 3-voter Blue on {@code 1.4.0}, Services on Blue, strategy BlueGreen, spec asking for {@code target}. */
    static CutoverWorld running(String target) {
        return running(target, 3, 1L);
    }

    static CutoverWorld running(String target, int replicas, long seed) {
        CutoverWorld w = new CutoverWorld(seed);
        String blue = Revision.of("1.4.0", image("1.4.0"), replicas);
        w.createWorkload(new Action.CreateWorkload(Revision.statefulSet(NAME, blue), blue, "1.4.0", image("1.4.0"),
                replicas, null));
        w.readyAll();
        w.podsOf(Revision.statefulSet(NAME, blue)).forEach(p -> w.pods.put(p.name(), voter(p, true)));
        w.leaderTo(Revision.statefulSet(NAME, blue));
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
        return new ClusterObservation(workloads, List.copyOf(pods.values()), jobs, selectors);
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
        for (int i = 0; i < c.replicas(); i++) {
            String pod = c.statefulSet() + "-" + i;
            pods.put(pod, new PodView(pod, c.statefulSet(), i, uid + "-" + i, c.revision(), c.image(), c.version(),
                    false, false, 0, Leadership.FOLLOWER, 0L, false, Map.of()));
        }
    }

    void deleteWorkload(String statefulSet) {
        workloads.remove(statefulSet);
        podsOf(statefulSet).forEach(p -> pods.put(p.name(), new PodView(p.name(), p.statefulSet(), p.ordinal(),
                p.uid(), p.revision(), p.image(), p.version(), false, true, 0, Leadership.FOLLOWER, p.lag(), false,
                Map.of())));
    }

    /** Terminating pods disappear. */
    void settlePods() {
        pods.values().removeIf(PodView::terminating);
    }

    List<PodView> podsOf(String statefulSet) {
        return pods.values().stream().filter(p -> statefulSet.equals(p.statefulSet())).toList();
    }

    void readyAll() {
        pods.replaceAll((n, p) -> p.terminating() ? p : p.withReady(true));
    }

    void setPod(String name, UnaryOperator<PodView> change) {
        pods.computeIfPresent(name, (n, p) -> change.apply(p));
    }

    /** Ordinal 0 of {@code statefulSet} leads; everyone else follows. No-op when it has no live pod 0. */
    void leaderTo(String statefulSet) {
        PodView next = pods.get(statefulSet + "-0");
        if (next == null || next.terminating()) {
            return;
        }
        pods.replaceAll((n, p) -> p.withLeadership(n.equals(next.name()) ? Leadership.LEADER : Leadership.FOLLOWER));
    }

    void noLeader() {
        pods.replaceAll((n, p) -> p.withLeadership(Leadership.FOLLOWER));
    }

    Optional<JobView> runningJob(ExecutorAction action) {
        return jobs.values().stream().filter(j -> j.result() == JobResult.RUNNING)
                .filter(j -> j.action().equals(action.wireName())).findFirst();
    }

    List<JobView> runningJobs() {
        return jobs.values().stream().filter(j -> j.result() == JobResult.RUNNING).toList();
    }

    /** Finishes {@code job}; a success has the Raft effect of its action. */
    void finish(JobView job, boolean success) {
        jobs.put(job.name(), new JobView(job.name(), job.action(), success ? JobResult.SUCCEEDED : JobResult.FAILED,
                job.createdAt(), now, success ? null : "exit code 1"));
        if (!success) {
            return;
        }
        BlueGreenStatus bg = status.blueGreen();
        String blue = bg == null ? null : Revision.statefulSet(NAME, bg.blueRevision());
        String green = bg == null || bg.greenRevision() == null ? null : Revision.statefulSet(NAME, bg.greenRevision());
        ExecutorAction action = ExecutorAction.fromWire(job.action());
        if (action == ExecutorAction.PROMOTE_GREEN) {
            setVoters(green, true);
        } else if (action == ExecutorAction.DEMOTE_BLUE && green != null) {
            setVoters(blue, false);
            leaderTo(green);
        } else if (action == ExecutorAction.REPAIR_CONSENSUS) {
            setVoters(blue, true);
            setVoters(green, false);
            leaderTo(blue);
        }
    }

    void finishAll(ExecutorAction action, boolean success) {
        runningJobs().stream().filter(j -> j.action().equals(action.wireName())).forEach(j -> finish(j, success));
    }

    private void setVoters(String statefulSet, boolean voter) {
        if (statefulSet != null) {
            podsOf(statefulSet).forEach(p -> pods.put(p.name(), voter(p, voter)));
        }
    }

    private static PodView voter(PodView p, boolean voter) {
        return new PodView(p.name(), p.statefulSet(), p.ordinal(), p.uid(), p.revision(), p.image(), p.version(),
                p.ready(), p.terminating(), p.restartCount(), p.leadership(), p.lag(), voter, p.annotations());
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

    boolean emitted(String reason) {
        return events.stream().anyMatch(e -> e.reason().equals(reason));
    }

    /**
     * A cooperative world: every running Job succeeds, pods become Ready, terminating pods go, time
     * moves on; decides after each move until {@code until} holds or {@code maxSteps} passed.
     */
    void runCooperatively(int maxSteps, java.util.function.Predicate<CutoverWorld> until) {
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
