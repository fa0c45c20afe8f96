package dev.raftops.simulator;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.domain.version.SemVer;
import dev.raftops.domain.version.WorkloadVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A simulated cluster: one {@code RaftCluster} resource, its StatefulSet (RollingUpdate with a
 * partition, OrderedReady), the pods, the Raft group inside them and the executor Jobs. It is
 * single-threaded and seeded: time moves only through {@link SimClock}, every random choice comes
 * from one {@link Random}, and things that take time are scheduled events processed in (time,
 * sequence) order, so the same scenario always gives the same trace.
 *
 * <p>The API operations the ports call live in {@link WorldApi}; the kubelet and StatefulSet
 * controller in {@link WorldDynamics}; Raft in {@link SimRaft}. This class holds the state they share.
 */
public final class SimWorld {

    static final String NAMESPACE = "sim";
    static final String NAME = "raft";

    final Scenario scenario;
    final SimClock clock;
    final Trace trace;
    final Random random;
    final ClusterKey key = new ClusterKey(NAMESPACE, NAME);
    final SimStatefulSet sts;
    final SortedMap<Integer, SimPod> pods = new TreeMap<>();
    final SortedMap<String, SimJob> jobs = new TreeMap<>();
    private final PriorityQueue<Scheduled> schedule = new PriorityQueue<>();
    private long sequence;
    private long resourceVersion = 1;
    private int uids;
    int jobsCreated;
    int changes;
    int writeInFlight;

    // the RaftCluster resource
    ClusterSpec spec;
    ClusterStatus status;
    long crGeneration = 1;
    String crResourceVersion;
    String lastStatusSummary;

    final SimRaft raft;
    final WorldApi api;
    final WorldDynamics dynamics;
    /** The blue/green StatefulSets, Services and Raft; null in a rolling scenario (which has {@link #sts}). */
    final ColourWorld colours;

    public SimWorld(Scenario scenario, SimClock clock, Trace trace) {
        this.scenario = scenario;
        this.clock = clock;
        this.trace = trace;
        this.random = new Random(scenario.seed());
        ClusterSpec rolling = ClusterSpec.of(canonical(scenario.toVersion()), null, scenario.replicas());
        Scenario.BlueGreenRun bg = scenario.blueGreen();
        ClusterSpec base = bg == null ? rolling : rolling.withUpgrade(rolling.upgrade()
                .withStrategy(UpgradeStrategy.BLUE_GREEN)
                .withBlueGreen(new BlueGreenSpec(bg.autoPromote(), bg.maxJobFailures(), null, null)));
        this.spec = scenario.snapshot()
                ? base.withBackup(new BackupSpec("@daily", "UTC", null, Map.of("bucket", "sim"), "raftops/executor:sim",
                        null)).withUpgrade(base.upgrade().withPreUpgradeSnapshot(true))
                : base;
        this.status = ClusterStatus.initial().withCurrentVersion(canonical(scenario.fromVersion()))
                .withPhase(Phase.Running);
        this.crResourceVersion = nextResourceVersion();
        String image = spec.imageFor(canonical(scenario.fromVersion()));
        this.sts = bg == null ? new SimStatefulSet(NAME, nextUid(), scenario.replicas(), image) : null;
        if (sts != null) {
            this.sts.resourceVersion = Long.parseLong(nextResourceVersion());
        }
        this.raft = new SimRaft(this);
        this.api = new WorldApi(this);
        this.dynamics = new WorldDynamics(this);
        this.colours = bg == null ? null : new ColourWorld(this);
        if (colours == null) {
            dynamics.start();
        } else {
            colours.start();
        }
    }

    public ClusterKey key() {
        return key;
    }

    public ClusterStatus status() {
        return status;
    }

    public ClusterSpec spec() {
        return spec;
    }

    /** The API operations: what the in-memory ports call. */
    public WorldApi api() {
        return api;
    }

    /** How many visible changes (watch events) the world has produced so far. */
    public int changes() {
        return changes;
    }

    /** When the next scheduled world event happens, or null when nothing is scheduled. */
    public Instant nextEventAt() {
        Scheduled next = schedule.peek();
        return next == null ? null : next.at;
    }

    /** Processes every scheduled event due at the current time, in order. */
    public void step() {
        while (!schedule.isEmpty() && !schedule.peek().at.isAfter(clock.instant())) {
            schedule.poll().action.run();
        }
    }

    /** Lets the world run on its own for {@code duration}: every event due in it happens, in order. */
    public void runFor(Duration duration) {
        Instant until = clock.instant().plus(duration);
        while (nextEventAt() != null && !nextEventAt().isAfter(until)) {
            clock.advanceTo(nextEventAt());
            step();
        }
        clock.advanceTo(until);
    }

    /** The leader's ordinal, or null while there is none. */
    public Integer leader() {
        if (colours != null) {
            return RaftMembership.ordinal(colours.raft.leader());
        }
        return raft.leader;
    }

    public long term() {
        return raft.term;
    }

    /** Every pod of the cluster exists, runs {@code version}, is Ready, and the StatefulSet agrees. */
    public boolean runsEverywhere(String version) {
        if (colours != null) {
            return colours.runsEverywhere(version);
        }
        if (pods.size() != sts.replicas) {
            return false;
        }
        for (SimPod pod : pods.values()) {
            if (!pod.ready() || !sameVersion(pod.version, version)) {
                return false;
            }
        }
        return sts.currentRevision.equals(sts.updateRevision) && sts.updatedReplicas == sts.replicas;
    }

    /** Sorted names of the pods and what they run, for messages. */
    public List<String> podSummary() {
        if (colours != null) {
            return colours.podSummary();
        }
        List<String> out = new ArrayList<>();
        for (SimPod pod : pods.values()) {
            out.add(pod.name + "=" + pod.version + "/" + pod.state + (raft.leads(pod.ordinal) ? "*" : ""));
        }
        return out;
    }

    void at(Duration delay, Runnable action) {
        schedule.add(new Scheduled(clock.instant().plus(delay), sequence++, action));
    }

    void atInstant(Instant when, Runnable action) {
        schedule.add(new Scheduled(when, sequence++, action));
    }

    /** A watch event: something the controller could observe changed. */
    void changed() {
        changes++;
    }

    String nextResourceVersion() {
        return Long.toString(++resourceVersion);
    }

    String nextUid() {
        return "uid-" + (++uids);
    }

    String podName(int ordinal) {
        return sts.name + "-" + ordinal;
    }

    Duration between(int minMillis, int maxMillis) {
        return Duration.ofMillis(minMillis + random.nextInt(maxMillis - minMillis + 1));
    }

    /** The version a pod on {@code image} reports, as the domain names it; the image itself when its tag names none. */
    static String versionOf(String image) {
        String version = WorkloadVersion.podVersion(image);
        return version == null ? image : version;
    }

    static String canonical(String version) {
        try {
            return SemVer.parse(version).toString();
        } catch (IllegalArgumentException e) {
            return version;
        }
    }

    static boolean sameVersion(String a, String b) {
        try {
            return SemVer.parse(a).compareTo(SemVer.parse(b)) == 0;
        } catch (IllegalArgumentException e) {
            return a.equals(b);
        }
    }

    private record Scheduled(Instant at, long sequence, Runnable action) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
