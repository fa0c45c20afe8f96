package dev.raftops.simulator.check;

import dev.raftops.domain.version.SemVer;
import dev.raftops.simulator.trace.TraceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a trace (format: {@code trace.md}) against the Day-2 safety invariants. Feed it line by
 * line with {@link #accept(String)} to stop a run at the first violation, or check a whole trace
 * with {@link #check(List)}. It reads only the trace, never the simulator, so it works on any run
 * that writes the format (simulated or real).
 *
 * <p>"Because of the controller" means: a release (the partition lowered to the ordinal, after
 * which the StatefulSet controller rolls the pod; {@code cause: rollout}) or a direct delete
 * ({@code cause: controller}). Crashes and other faults are not the controller's doing.
 */
public final class InvariantChecker {

    public static final String ONE_VOTER_DOWN = "at most one voter down because of the controller";
    public static final String LEADER_SPARED = "the controller never releases or deletes the pod that leads";
    /**
     * The strict reading of "no pod.deleted with leader:true caused by the controller": also a pod
     * that was a follower when released but was elected before the StatefulSet controller got to
     * restart it (a race the controller cannot see at release time; see
     * docs/decisions/simulator-leader-after-release.md).
     */
    public static final String RELEASED_POD_LED = "a released pod is not leading when the StatefulSet restarts it";
    public static final String PARTITION_STEPS = "partition only decreases, one ordinal at a time, toward 0, per target";
    public static final String ORDINAL_ONCE = "each ordinal is deleted at most once per target version";
    public static final String VERSION_FORWARD = "status.currentVersion only moves forward";
    public static final String VERSION_EXACT = "status.currentVersion reaches the target exactly when every pod runs it";
    public static final String LOCK_EXCLUSIVE = "the operation lock is held by one operation at a time";
    public static final String ONE_COLOUR = "client Services select exactly one colour, and only one with a leader";

    private final List<Violation> violations = new ArrayList<>();
    private final TracedCluster cluster = new TracedCluster();
    private final Set<String> controllerDown = new TreeSet<>();
    private final Map<String, Integer> deletions = new HashMap<>();
    private final Map<String, Integer> partitions = new TreeMap<>();
    private final Map<String, String> targets = new TreeMap<>();
    private final Map<String, String> selectors = new TreeMap<>();
    private final Set<String> templates = new TreeSet<>();
    private final Set<String> liveSets = new TreeSet<>();
    private final Set<String> releasedLeading = new TreeSet<>();
    private final Set<String> releasedNotDeleted = new TreeSet<>();
    private final Set<String> replacedWhileDown = new TreeSet<>();
    private int replicas = -1;
    private String toVersion;
    private String currentVersion;
    private String lock;
    private int lineNumber;
    private TraceRecord line;

    /** Every violation in {@code lines}. */
    public static List<Violation> check(List<String> lines) {
        InvariantChecker checker = new InvariantChecker();
        for (String line : lines) {
            checker.accept(line);
        }
        return checker.violations();
    }

    public static List<Violation> check(Path traceFile) throws IOException {
        return check(Files.readAllLines(traceFile));
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Checks one more line; returns the violations it revealed (usually none). */
    public List<Violation> accept(String json) {
        int before = violations.size();
        line = TraceRecord.parse(++lineNumber, json);
        switch (line.kind()) {
            case "run.start" -> {
                replicas = (int) line.number("replicas");
                toVersion = line.string("toVersion");
            }
            case "pod.created" -> {
                if (controllerDown.contains(line.string("pod"))) {
                    replacedWhileDown.add(line.string("pod"));
                }
            }
            case "pod.ready" -> {
                if (replacedWhileDown.remove(line.string("pod"))) {
                    controllerDown.remove(line.string("pod"));
                }
            }
            case "pod.deleted" -> onPodDeleted();
            case "sts.template" -> onTemplate();
            case "sts.partition" -> onPartition();
            case "status" -> onStatus();
            case "service.selector" -> onSelector();
            case "sts.created" -> {
                liveSets.add(line.string("statefulSet"));
                if (liveSets.size() > 1 && selectors.containsValue(null)) {
                    fail(ONE_COLOUR, "StatefulSet " + line.string("statefulSet") + " created while client Services "
                            + selectors + " select every pod of the cluster, so both colours serve");
                }
            }
            case "sts.deleted" -> liveSets.remove(line.string("statefulSet"));
            case "operator" -> {
                if ("version".equals(line.string("request"))) {
                    toVersion = line.string("version"); // the target of the run is what the spec asks for last
                }
            }
            case "run.end" -> onEnd();
            default -> {
            }
        }
        cluster.apply(line);
        return List.copyOf(violations.subList(before, violations.size()));
    }

    private void onPodDeleted() {
        String name = line.string("pod");
        TracedCluster.Pod pod = cluster.pod(name, line.optionalInt("ordinal"));
        String cause = line.string("cause");
        boolean byController = "controller".equals(cause) || "rollout".equals(cause);
        boolean wasReady = pod.ready;
        if ("crash".equals(cause)) {
            return;
        }
        releasedNotDeleted.remove(name);
        replacedWhileDown.remove(name);
        if (!byController) {
            return;
        }
        if (line.flag("leader") && replicas > 1) {
            if ("controller".equals(cause)) {
                fail(LEADER_SPARED, "the controller deleted pod " + name + " while it was the Raft leader");
            } else if (!releasedLeading.remove(name)) {
                fail(RELEASED_POD_LED, "pod " + name + " was a follower when released but led when the StatefulSet"
                        + " deleted it (rollout)");
            }
        }
        if ("controller".equals(cause)) {
            takeDown(name, "deleted pod " + name);
        }
        String target = targets.get(pod.statefulSet);
        if (target != null && wasReady) {
            if (same(pod.version, target)) {
                fail(ORDINAL_ONCE, "pod " + name + " already ran the target " + target + " and was Ready, yet was deleted");
            }
            int count = deletions.merge(name + "@" + target, 1, Integer::sum);
            if (count > 1) {
                fail(ORDINAL_ONCE, "pod " + name + " was deleted " + count + " times for target " + target);
            }
        }
    }

    /** The controller takes voter {@code name} down: nobody else may be down because of it. */
    private void takeDown(String name, String what) {
        Set<String> others = new TreeSet<>(controllerDown);
        others.remove(name);
        if (!others.isEmpty()) {
            fail(ONE_VOTER_DOWN, what + " while " + others + " (taken down by the controller) are not back Ready");
        }
        controllerDown.add(name);
        if (lock != null && !lock.equals("Upgrade") && !lock.equals("BlueGreen")) {
            fail(LOCK_EXCLUSIVE, what + " while the lock is held by " + lock);
        }
    }

    private void onTemplate() {
        String sts = line.string("statefulSet");
        String version = line.string("version");
        if (templates.add(sts)) {
            return; // the first template is the starting point, not a target
        }
        Integer partition = partitions.get(sts);
        if (replicas > 0 && (partition == null || partition < replicas)) {
            fail(PARTITION_STEPS, "template of " + sts + " changed to " + version + " while the partition was "
                    + partition + ": pods could roll before the partition was locked");
        }
        targets.put(sts, version);
    }

    private void onPartition() {
        String sts = line.string("statefulSet");
        int value = (int) line.number("value");
        Integer previous = partitions.put(sts, value);
        int before = previous == null ? 0 : previous;
        if (value > before) {
            if (value < replicas) {
                fail(PARTITION_STEPS, "partition of " + sts + " rose from " + before + " to " + value
                        + " (only a lock at " + replicas + " may raise it)");
            }
            withdrawReleases(sts, value);
            return;
        }
        if (value < before - 1) {
            fail(PARTITION_STEPS, "partition of " + sts + " fell from " + before + " to " + value + ": more than one ordinal released");
        }
        if (value < before) {
            String name = sts + "-" + value;
            TracedCluster.Pod pod = cluster.find(name);
            String target = targets.get(sts);
            boolean done = pod != null && pod.ready && target != null && same(pod.version, target);
            if (!done) {
                if (cluster.leads(name) && replicas > 1) {
                    fail(LEADER_SPARED, "released ordinal " + value + " (" + name + ") while it was the Raft leader");
                    releasedLeading.add(name);
                }
                takeDown(name, "released ordinal " + value);
                releasedNotDeleted.add(name);
            }
        }
    }

    /**
     * A lock raised the partition above ordinals released but not yet restarted: the StatefulSet
     * will no longer restart them, so they are not down (a retarget does this).
     */
    private void withdrawReleases(String sts, int partition) {
        for (String name : new ArrayList<>(releasedNotDeleted)) {
            TracedCluster.Pod pod = cluster.find(name);
            if (pod != null && pod.statefulSet.equals(sts) && pod.ordinal < partition) {
                releasedNotDeleted.remove(name);
                controllerDown.remove(name);
                releasedLeading.remove(name);
            }
        }
    }

    private void onStatus() {
        String version = line.string("currentVersion");
        String nextLock = line.string("lock");
        if (lock != null && nextLock != null && !lock.equals(nextLock)) {
            fail(LOCK_EXCLUSIVE, "lock passed from " + lock + " to " + nextLock + " without being released");
        }
        lock = nextLock;
        if (version == null || version.equals(currentVersion)) {
            return;
        }
        if (currentVersion != null && compare(version, currentVersion) <= 0) {
            fail(VERSION_FORWARD, "status.currentVersion moved from " + currentVersion + " to " + version);
        }
        if (currentVersion != null) {
            List<String> behind = new ArrayList<>();
            int running = 0;
            for (Map.Entry<String, TracedCluster.Pod> e : cluster.pods().entrySet()) {
                TracedCluster.Pod pod = e.getValue();
                if (!pod.exists) {
                    continue;
                }
                running++;
                if (!same(pod.version, version)) {
                    behind.add(e.getKey() + "=" + pod.version);
                }
            }
            if (!behind.isEmpty() || (replicas > 0 && running < replicas)) {
                fail(VERSION_EXACT, "status.currentVersion became " + version + " while pods run " + behind
                        + " (" + running + " of " + replicas + " pods exist)");
            }
        }
        currentVersion = version;
    }

    private void onSelector() {
        String revision = line.string("revision");
        selectors.put(line.string("service"), revision);
        Set<String> colours = new TreeSet<>();
        for (String r : selectors.values()) {
            colours.add(String.valueOf(r));
        }
        if (revision == null) {
            // a Service without a revision selects every pod of the cluster: one colour only while one exists
            if (liveSets.size() > 1) {
                fail(ONE_COLOUR, "client Service " + line.string("service") + " selects every pod while "
                        + liveSets + " exist");
            }
            return;
        }
        if (colours.size() > 1) {
            fail(ONE_COLOUR, "client Services select " + selectors);
            return;
        }
        boolean led = false;
        for (String leader : cluster.leaders()) {
            TracedCluster.Pod pod = cluster.find(leader);
            // a blue/green pod belongs to revision r when it says so, or when its StatefulSet is <cluster>-<r>
            led |= pod != null && (revision.equals(pod.revision) || pod.statefulSet.endsWith("-" + revision));
        }
        if (!led) {
            fail(ONE_COLOUR, "traffic switched to revision " + revision + " before any of its pods led");
        }
    }

    private void onEnd() {
        if ("converged".equals(line.string("result")) && toVersion != null
                && !same(String.valueOf(line.string("currentVersion")), toVersion)) {
            fail(VERSION_EXACT, "run converged with status.currentVersion " + line.string("currentVersion")
                    + ", target " + toVersion);
        }
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && compare(a, b) == 0;
    }

    private static int compare(String a, String b) {
        try {
            return SemVer.parse(a).compareTo(SemVer.parse(b));
        } catch (IllegalArgumentException e) {
            return a.compareTo(b);
        }
    }

    private void fail(String invariant, String message) {
        violations.add(new Violation(invariant, line.lineNumber(), line.t(), message));
    }
}
