package dev.raftops.simulator.decisions.bluegreen;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.opslifecycle.OneShotRequest;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.Revision;
import dev.raftops.domain.testing.Generate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A generated blue/green run: a starting configuration and a sequence of moves of the world (Job
 * outcomes, pod readiness, leadership, lag, tokens, spec edits, acknowledgements, time). {@link #play()}
 * drives the decision after every move and records what each step saw and did.
 */
record CutoverScenario(long seed, Setup setup, List<Move> moves) {

    static final List<String> VERSIONS = List.of("1.5.0", "1.6.0", "v1.5.0", "1.3.0", "2.0.0", "1.5", "1.4.0");

    record Setup(String target, boolean autoPromote, int maxJobFailures, long minSyncSeconds, boolean hook,
            BlueGreenSpec.AutoRollback autoRollback) {
    }

    enum Kind { SUCCEED_JOB, FAIL_JOB, READY, UNREADY, LEADER, NO_LEADER, LAG, SETTLE, TICK, PROMOTE, ROLLBACK, RETRY,
        VERSION, REPLICAS, ACK, WRONG_ACK,
        /** The decision's actions happen but its status write is lost (a crash or a conflict). */
        LOSE_WRITE }

    record Move(Kind kind, int pick) {
        @Override
        public String toString() {
            return kind + ":" + pick;
        }
    }

    /** What one step saw and did. */
    record Step(int index, Move move, ClusterStatus before, ClusterObservation seen, Decision decision,
            ClusterStatus after, Map<String, String> selectorsAfter, Set<String> workloadsAfter, String specRevision,
            boolean retryPending) {
    }

    private static final int[] WEIGHTS = {25, 6, 15, 4, 4, 2, 3, 10, 8, 4, 1, 3, 2, 1, 4, 1, 3};

    static CutoverScenario generate(Random random) {
        long seed = random.nextLong();
        Setup setup = new Setup(Generate.oneOf(random, "1.5.0", "1.5.0", "1.6.0"), random.nextBoolean(),
                Generate.between(random, 1, 3), Generate.oneOf(random, 0L, 0L, 120L), Generate.chance(random, 0.3),
                new BlueGreenSpec.AutoRollback(Generate.chance(random, 0.8), Generate.chance(random, 0.8),
                        Generate.chance(random, 0.7)));
        List<Move> moves = new ArrayList<>();
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        for (int i = 0; i < 150; i++) {
            int roll = random.nextInt(total);
            int k = 0;
            while (roll >= WEIGHTS[k]) {
                roll -= WEIGHTS[k++];
            }
            moves.add(new Move(Kind.values()[k], random.nextInt(1000)));
        }
        return new CutoverScenario(seed, setup, moves);
    }

    List<Step> play() {
        CutoverScript w = CutoverScript.running(setup.target(), 3, seed);
        BlueGreenSpec.PrePromotionHook hook = setup.hook()
                ? new BlueGreenSpec.PrePromotionHook("hook:1", List.of("check"), List.of(), 60) : null;
        w.editUpgrade(u -> u.withBlueGreen(new BlueGreenSpec(setup.autoPromote(), setup.maxJobFailures(),
                new BlueGreenSpec.Verification(Duration.ofSeconds(setup.minSyncSeconds()), 100, hook),
                setup.autoRollback())));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < moves.size(); i++) {
            apply(w, moves.get(i));
            ClusterStatus before = w.status;
            ClusterObservation seen = w.observe();
            String specRevision = Revision.of(canonical(w.spec.version()), w.spec.image(), w.spec.replicas());
            var requests = w.spec.upgrade().requests();
            boolean retryPending = new OneShotRequest(requests.retry(), before.requests().lastHandledRetry()).pending();
            Decision d = w.step();
            if (moves.get(i).kind() == Kind.LOSE_WRITE) {
                w.status = before;
            }
            steps.add(new Step(i, moves.get(i), before, seen, d, w.status, new TreeMap<>(w.selectors),
                    new TreeSet<>(w.workloads.keySet()), specRevision, retryPending));
        }
        return steps;
    }

    private static String canonical(String v) {
        return v.startsWith("v") ? v.substring(1) : v;
    }

    private void apply(CutoverScript w, Move m) {
        List<JobView> running = w.runningJobs();
        List<PodView> live = w.livePods();
        switch (m.kind()) {
            case SUCCEED_JOB, FAIL_JOB -> {
                if (!running.isEmpty()) {
                    w.finish(running.get(m.pick() % running.size()), m.kind() == Kind.SUCCEED_JOB);
                }
            }
            case READY, UNREADY -> {
                if (!live.isEmpty()) {
                    PodView p = live.get(m.pick() % live.size());
                    w.setPod(p.name(), x -> x.withReady(m.kind() == Kind.READY));
                    if (m.kind() == Kind.READY) {
                        w.readyAll(); // pods mostly come up together
                    }
                }
            }
            case LEADER -> {
                if (!live.isEmpty()) {
                    w.leader(live.get(m.pick() % live.size()).name());
                }
            }
            case NO_LEADER -> w.noLeader();
            case LAG -> {
                if (!live.isEmpty()) {
                    w.setPod(live.get(m.pick() % live.size()).name(), p -> p.withLag((long) (m.pick() % 250)));
                }
            }
            case SETTLE -> w.settlePods();
            case TICK -> w.advance(Duration.ofSeconds(m.pick()));
            case PROMOTE -> w.request(r -> r.withPromote("p" + m.pick()));
            case ROLLBACK -> w.request(r -> r.withRollback("r" + m.pick()));
            case RETRY -> w.request(r -> r.withRetry("t" + m.pick()));
            case VERSION -> {
                String v = VERSIONS.get(m.pick() % VERSIONS.size());
                w.editSpec(s -> s.withVersion(v, CutoverScript.image(canonical(v))));
            }
            case REPLICAS -> w.editSpec(s -> new dev.raftops.domain.resource.ClusterSpec(s.version(), s.image(),
                    s.replicas() == 3 ? 5 : 3, s.paused(), s.maintenance(), s.breakGlassAck(), s.upgrade(), s.backup()));
            case ACK -> {
                String nonce = w.status.breakGlass().nonce();
                if (nonce != null) {
                    w.editSpec(s -> s.withBreakGlassAck(nonce));
                }
            }
            case WRONG_ACK -> w.editSpec(s -> s.withBreakGlassAck("wrong-" + m.pick()));
            case LOSE_WRITE -> {
            }
        }
        w.advance(Duration.ofSeconds(5));
    }

    @Override
    public String toString() {
        return "seed=" + seed + " " + setup + " moves=" + moves;
    }
}
