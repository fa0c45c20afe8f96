package dev.raftops.benchmarks;

import dev.raftops.domain.bluegreen.BlueGreenDecision;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Drives one blue/green upgrade 1.4.0 → 1.5.0 through a cooperative world (every Job succeeds, every
 * pod becomes Ready, 30 s pass between decisions) and keeps the first input seen in each phase.
 * The world is the least the decision needs to move on: StatefulSets, their pods with voter and
 * leader flags, executor Jobs and the Service selectors.
 */
final class CutoverDriver {

    static final ClusterKey KEY = new ClusterKey("bench", "vault");
    private static final String FROM = "1.4.0";
    private static final String TO = "1.5.0";
    private static final List<String> SERVICES = List.of(KEY.name(), KEY.name() + "-active");
    private static final int MAX_PASSES = 300;

    private final Random random;
    private final TreeMap<String, StatefulSetView> sets = new TreeMap<>();
    private final TreeMap<String, PodView> pods = new TreeMap<>();
    private final TreeMap<String, JobView> jobs = new TreeMap<>();
    private final TreeMap<String, String> selectors = new TreeMap<>();
    private ClusterSpec spec;
    private ClusterStatus status;
    private Instant now = Instant.parse("2026-11-24T10:00:00Z");

    private CutoverDriver(int replicas, long seed) {
        random = new Random(seed);
        String blue = Revision.of(FROM, image(FROM), replicas);
        create(new Action.CreateWorkload(Revision.statefulSet(KEY.name(), blue), blue, FROM, image(FROM), replicas, null));
        pods.replaceAll((n, p) -> withVoter(p.withReady(true), true));
        leaderTo(Revision.statefulSet(KEY.name(), blue));
        SERVICES.forEach(s -> selectors.put(s, blue));
        spec = new ClusterSpec(TO, image(TO), replicas, false, null, null,
                UpgradeSpec.defaults().withStrategy(UpgradeStrategy.BLUE_GREEN), null);
        status = ClusterStatus.initial().withCurrentVersion(FROM)
                .withAcceptedUpgradeStrategy(UpgradeStrategy.BLUE_GREEN.wireName())
                .withBlueGreen(BlueGreenStatus.idle(blue, image(FROM)));
    }

    /**
     * The first input of every phase the upgrade passes through; {@code Idle} is the pass that starts
     * it. The steady pass (Idle again, nothing to do) is returned separately by {@link #steady}.
     */
    record Recording(Map<BlueGreenPhase, DecisionInput> firstInPhase, DecisionInput steady) {
    }

    static Recording record(int replicas, long seed) {
        CutoverDriver driver = new CutoverDriver(replicas, seed);
        Map<BlueGreenPhase, DecisionInput> first = new EnumMap<>(BlueGreenPhase.class);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            DecisionInput in = driver.input();
            BlueGreenPhase phase = driver.status.blueGreen().phase();
            if (phase == BlueGreenPhase.Idle && TO.equals(driver.status.currentVersion())) {
                return new Recording(first, in);
            }
            first.putIfAbsent(phase, in);
            driver.apply(BlueGreenDecision.decide(in));
            driver.cooperate();
        }
        throw new IllegalStateException("the blue/green upgrade of " + replicas + " replicas did not finish in "
                + MAX_PASSES + " passes; reached " + first.keySet());
    }

    private DecisionInput input() {
        return new DecisionInput(KEY, 1, spec, status, new ClusterObservation(sets, List.copyOf(pods.values()), jobs,
                selectors), now, random, RetryTiming.defaults().withoutJitter());
    }

    private void apply(Decision d) {
        for (Action a : d.actions()) {
            if (a instanceof Action.CreateWorkload c) {
                create(c);
            } else if (a instanceof Action.DeleteWorkload del) {
                sets.remove(del.statefulSet());
                pods.values().removeIf(p -> del.statefulSet().equals(p.statefulSet()));
            } else if (a instanceof Action.CreateJob j) {
                jobs.putIfAbsent(j.job().name(), new JobView(j.job().name(), j.job().action().wireName(),
                        JobResult.RUNNING, now, null, null));
            } else if (a instanceof Action.SwitchTraffic t) {
                SERVICES.forEach(s -> selectors.put(s, t.revision()));
            }
        }
        status = d.nextStatus();
    }

    /** Every running Job succeeds with its Raft effect, pods become Ready, time moves on. */
    private void cooperate() {
        for (JobView job : new ArrayList<>(jobs.values())) {
            if (job.result() == JobResult.RUNNING) {
                jobs.put(job.name(), new JobView(job.name(), job.action(), JobResult.SUCCEEDED, job.createdAt(), now, null));
                raftEffect(ExecutorAction.fromWire(job.action()));
            }
        }
        pods.replaceAll((n, p) -> p.withReady(true));
        now = now.plus(Duration.ofSeconds(30));
    }

    private void raftEffect(ExecutorAction action) {
        BlueGreenStatus bg = status.blueGreen();
        if (bg.greenRevision() == null) {
            return;
        }
        String blue = Revision.statefulSet(KEY.name(), bg.blueRevision());
        String green = Revision.statefulSet(KEY.name(), bg.greenRevision());
        if (action == ExecutorAction.PROMOTE_GREEN) {
            setVoters(green, true);
        } else if (action == ExecutorAction.DEMOTE_BLUE) {
            setVoters(blue, false);
            leaderTo(green);
        }
    }

    private void create(Action.CreateWorkload c) {
        if (sets.containsKey(c.statefulSet())) {
            return;
        }
        String uid = "uid-" + c.revision();
        sets.put(c.statefulSet(), new StatefulSetView(c.statefulSet(), uid, "1", c.replicas(), null, true,
                c.revision(), c.revision(), c.image(), 1, 1, 0, c.replicas(), Map.of()));
        for (int i = 0; i < c.replicas(); i++) {
            String name = c.statefulSet() + "-" + i;
            pods.put(name, new PodView(name, c.statefulSet(), i, uid + "-" + i, c.revision(), c.image(), c.version(),
                    false, false, 0, Leadership.FOLLOWER, 0L, false, Map.of()));
        }
    }

    private void leaderTo(String statefulSet) {
        String leader = statefulSet + "-0";
        pods.replaceAll((n, p) -> p.withLeadership(n.equals(leader) ? Leadership.LEADER : Leadership.FOLLOWER));
    }

    private void setVoters(String statefulSet, boolean voter) {
        pods.replaceAll((n, p) -> statefulSet.equals(p.statefulSet()) ? withVoter(p, voter) : p);
    }

    private static PodView withVoter(PodView p, boolean voter) {
        return new PodView(p.name(), p.statefulSet(), p.ordinal(), p.uid(), p.revision(), p.image(), p.version(),
                p.ready(), p.terminating(), p.restartCount(), p.leadership(), p.lag(), voter, p.annotations());
    }

    private static String image(String version) {
        return "openbao/openbao:" + version;
    }
}
