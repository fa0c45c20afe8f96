package dev.raftops.simulator.world;

import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.WorkloadSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.simulator.model.Versions;
import dev.raftops.simulator.trace.SimClock;
import dev.raftops.simulator.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A simulated cluster: one {@code RaftCluster} resource ({@link ClusterResource}), its workloads
 * ({@link Workloads}: one StatefulSet in a rolling run, one per colour in a blue/green run, with
 * their pods and the Raft inside them) and the executor Jobs ({@link JobTable}). It is
 * single-threaded and seeded: time moves only through {@link SimClock}, every random choice comes
 * from one {@link Random}, and things that take time are scheduled events processed in (time,
 * sequence) order, so the same scenario always gives the same trace.
 *
 * <p>The API operations the ports call live in {@link WorldApi}. This class is the engine the
 * parts share: the clock and schedule, the random source, the trace, resourceVersions and UIDs.
 */
public final class SimWorld {

    /** The namespace and name of the simulated {@code RaftCluster}. */
    public static final String NAMESPACE = "sim";
    public static final String NAME = "raft";

    private final Scenario scenario;
    private final SimClock clock;
    private final Trace trace;
    private final Random random;
    private final ClusterKey key = new ClusterKey(NAMESPACE, NAME);
    private final PriorityQueue<Scheduled> schedule = new PriorityQueue<>();
    private long sequence;
    private long resourceVersion = 1;
    private int uids;
    private int changes;
    private int writeInFlight;
    private final ClusterResource cluster;
    private final JobTable jobs;
    private final Workloads workloads;
    private final WorldApi api;

    public SimWorld(Scenario scenario, SimClock clock, Trace trace) {
        this.scenario = scenario;
        this.clock = clock;
        this.trace = trace;
        this.random = new Random(scenario.seed());
        this.cluster = new ClusterResource(key, spec(scenario), ClusterStatus.initial()
                .withCurrentVersion(Versions.canonical(scenario.fromVersion())).withPhase(Phase.Running), trace,
                this::nextResourceVersion, this::changed);
        this.jobs = new JobTable(this);
        this.workloads = scenario.blueGreen() == null
                ? new RollingWorkload(this, cluster.spec().imageFor(Versions.canonical(scenario.fromVersion())))
                : new ColourWorld(this);
        this.api = new WorldApi(this);
        workloads.start();
    }

    private static ClusterSpec spec(Scenario scenario) {
        ClusterSpec rolling = ClusterSpec.of(Versions.canonical(scenario.toVersion()), null, scenario.replicas());
        Scenario.BlueGreenRun bg = scenario.blueGreen();
        ClusterSpec base = bg == null ? rolling : rolling.withUpgrade(rolling.upgrade()
                .withStrategy(UpgradeStrategy.BLUE_GREEN)
                .withBlueGreen(new BlueGreenSpec(bg.autoPromote(), bg.maxJobFailures(), null, null)));
        if (scenario.adoptedOnDelete()) {
            // the world's one StatefulSet, adopted under its own name
            base = base.withWorkload(WorkloadSpec.adopted(NAME));
        }
        return scenario.snapshot()
                ? base.withBackup(new BackupSpec("@daily", "UTC", null, Map.of("bucket", "sim"), "raftops/executor:sim",
                        null)).withUpgrade(base.upgrade().withPreUpgradeSnapshot(true))
                : base;
    }

    public ClusterKey key() {
        return key;
    }

    public ClusterStatus status() {
        return cluster.status();
    }

    public ClusterSpec spec() {
        return cluster.spec();
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
        return workloads.leader();
    }

    public long term() {
        return workloads.term();
    }

    /** Every pod of the cluster exists, runs {@code version}, is Ready, and the workload agrees. */
    public boolean runsEverywhere(String version) {
        return workloads.runsEverywhere(version);
    }

    /** Blue/green: exactly one colour with all its pods and no other pod left over (never in a rolling run). */
    public boolean oneColourSettled() {
        return workloads.oneColourSettled();
    }

    /** Sorted names of the pods and what they run, for messages. */
    public List<String> podSummary() {
        return workloads.podSummary();
    }

    /** The trace lines so far. */
    public List<String> traceLines() {
        return trace.lines();
    }

    // ---- what the world's parts share ----

    Scenario scenario() {
        return scenario;
    }

    SimClock clock() {
        return clock;
    }

    Trace trace() {
        return trace;
    }

    Random random() {
        return random;
    }

    ClusterResource cluster() {
        return cluster;
    }

    JobTable jobs() {
        return jobs;
    }

    Workloads workloads() {
        return workloads;
    }

    /** The number of the port write in progress (0 between writes), recorded on the lines it causes. */
    int writeInFlight() {
        return writeInFlight;
    }

    void writeInFlight(int write) {
        writeInFlight = write;
    }

    void at(Duration delay, Runnable action) {
        schedule.add(new Scheduled(clock.instant().plus(delay), sequence++, action));
    }

    /** Schedules {@code action} at {@code seconds} after the run started. */
    void atSecond(int seconds, Runnable action) {
        schedule.add(new Scheduled(clock.start().plusSeconds(seconds), sequence++, action));
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

    /** The pod at {@code ordinal} of the rolling StatefulSet. */
    String podName(int ordinal) {
        return NAME + "-" + ordinal;
    }

    Duration between(int minMillis, int maxMillis) {
        return Duration.ofMillis(minMillis + random.nextInt(maxMillis - minMillis + 1));
    }

    private record Scheduled(Instant at, long sequence, Runnable action) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
