package dev.raftops.domain.testing;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.version.WorkloadVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

/**
 * A small, seeded model of one StatefulSet with Raft pods, for decision tests: partition semantics
 * (OrderedReady, highest out-of-date pod first, only when all pods are Ready), pods that start,
 * become Ready and catch up, leader election among Ready pods, and step-down Jobs. Writes check
 * their preconditions like the API server does. The full simulator lives in the simulator module;
 * this one is small enough to sit next to the domain tests.
 */
public final class RollingWorld {

    public static final ClusterKey KEY = new ClusterKey("default", "db");
    public static final String REPO = "quay.io/openbao/openbao";

    private final Random random;
    private final int replicas;
    private final TreeMap<Integer, Pod> pods = new TreeMap<>();
    private final TreeMap<String, JobView> jobs = new TreeMap<>();
    private int partition;
    private String templateImage;
    private String currentRevision;
    private String updateRevision;
    private long resourceVersion = 1;
    private long uids = 0;
    private Instant now;
    private Integer lastSteppedDown;
    private final List<String> log = new ArrayList<>();

    /** Mutable pod state. */
    public static final class Pod {
        public String revision;
        public String image;
        public String uid;
        public boolean ready;
        public long lag;
        public Leadership leadership = Leadership.FOLLOWER;
        public int startTicks;
        public boolean neverReady;
    }

    public RollingWorld(Random random, int replicas, String version, int leader, Instant start) {
        this.random = random;
        this.replicas = replicas;
        this.templateImage = WorkloadVersion.image(REPO, version);
        this.currentRevision = revisionOf(templateImage);
        this.updateRevision = currentRevision;
        this.partition = 0;
        this.now = start;
        for (int i = 0; i < replicas; i++) {
            Pod pod = newPod(currentRevision, templateImage);
            pod.ready = true;
            pod.lag = 0;
            pod.startTicks = 0;
            pod.leadership = i == leader ? Leadership.LEADER : Leadership.FOLLOWER;
            pods.put(i, pod);
        }
    }

    public static String revisionOf(String image) {
        return "db-" + Integer.toHexString(Objects.hash(image) & 0xfffffff);
    }

    public static ClusterSpec spec(int replicas, String version) {
        return ClusterSpec.of(version, WorkloadVersion.image(REPO, version), replicas);
    }

    public Instant now() {
        return now;
    }

    public int replicas() {
        return replicas;
    }

    public int partition() {
        return partition;
    }

    public Map<Integer, Pod> pods() {
        return pods;
    }

    public List<String> log() {
        return log;
    }

    public void advance(java.time.Duration d) {
        now = now.plus(d);
    }

    public ClusterObservation observe() {
        List<PodView> views = new ArrayList<>();
        int ready = 0;
        int updated = 0;
        for (Map.Entry<Integer, Pod> e : pods.entrySet()) {
            Pod p = e.getValue();
            views.add(new PodView("db-" + e.getKey(), "db", e.getKey(), p.uid, p.revision, p.image,
                    WorkloadVersion.podVersion(p.image), p.ready, false, 0,
                    p.leadership, p.lag, true, Map.of()));
            ready += p.ready ? 1 : 0;
            updated += Objects.equals(p.revision, updateRevision) ? 1 : 0;
        }
        StatefulSetView sts = new StatefulSetView("db", "uid-sts", Long.toString(resourceVersion), replicas, partition,
                false, currentRevision, updateRevision, templateImage, 1, 1, ready, updated, Map.of());
        return ClusterObservation.of(List.of(sts), views, jobs.values());
    }

    /** Applies one action as the API server would; false when a precondition failed. */
    public boolean apply(Action action) {
        if (action instanceof Action.LockPartitionAndSetImage a) {
            if (!Long.toString(resourceVersion).equals(a.resourceVersion())) {
                return false;
            }
            partition = a.partition();
            templateImage = a.image();
            updateRevision = revisionOf(a.image());
            resourceVersion++;
            log.add("lock partition=" + a.partition() + " image=" + a.image());
            return true;
        }
        if (action instanceof Action.SetPartition a) {
            if (!Long.toString(resourceVersion).equals(a.resourceVersion())) {
                return false;
            }
            partition = a.partition();
            resourceVersion++;
            log.add("partition=" + a.partition());
            return true;
        }
        if (action instanceof Action.DeletePod a) {
            int ordinal = Integer.parseInt(a.pod().substring(a.pod().lastIndexOf('-') + 1));
            Pod pod = pods.get(ordinal);
            if (pod == null || !pod.uid.equals(a.uid())) {
                return false;
            }
            pods.remove(ordinal);
            log.add("delete pod " + ordinal);
            return true;
        }
        if (action instanceof Action.CreateJob a) {
            jobs.putIfAbsent(a.job().name(), new JobView(a.job().name(), a.job().action().wireName(), JobResult.RUNNING,
                    now, null, null));
            return true;
        }
        return true;
    }

    /** One tick of the cluster side: the StatefulSet controller, kubelet, Raft and Jobs. */
    public void tick() {
        // StatefulSet controller: recreate missing pods, then roll the highest out-of-date pod >= partition
        for (int i = 0; i < replicas; i++) {
            if (!pods.containsKey(i)) {
                boolean update = i >= partition;
                pods.put(i, newPod(update ? updateRevision : currentRevision,
                        update ? templateImage : imageOf(currentRevision)));
            }
        }
        boolean allReady = pods.values().stream().allMatch(p -> p.ready);
        if (allReady) {
            for (int i = replicas - 1; i >= partition; i--) {
                Pod pod = pods.get(i);
                if (!Objects.equals(pod.revision, updateRevision)) {
                    log.add("sts restarts pod " + i + (pod.leadership == Leadership.LEADER ? " (leader)" : ""));
                    pods.put(i, newPod(updateRevision, templateImage));
                    break;
                }
            }
        }
        // kubelet and Raft
        for (Pod pod : pods.values()) {
            if (!pod.ready && !pod.neverReady) {
                if (pod.startTicks > 0) {
                    pod.startTicks--;
                } else {
                    pod.ready = true;
                }
            } else if (pod.ready && pod.lag > 0) {
                pod.lag = Math.max(0, pod.lag - 60 - random.nextInt(60));
            }
        }
        // step-down Jobs finish and move leadership; the old leader sits out the next election
        for (JobView job : List.copyOf(jobs.values())) {
            if (job.result() == JobResult.RUNNING && random.nextInt(3) > 0) {
                if (job.action().equals(ExecutorAction.STEP_DOWN.wireName()) && leader().isPresent()) {
                    lastSteppedDown = leader().get();
                    log.add("step-down: " + lastSteppedDown + " stops leading");
                    pods.get(lastSteppedDown).leadership = Leadership.FOLLOWER;
                }
                jobs.put(job.name(), new JobView(job.name(), job.action(), JobResult.SUCCEEDED, job.createdAt(), now, null));
            }
        }
        if (leader().isEmpty()) {
            // Raft elects a caught-up Ready voter; one that just stepped down sits out while another can win
            List<Integer> candidates = pods.entrySet().stream().filter(e -> e.getValue().ready && e.getValue().lag <= 100)
                    .map(Map.Entry::getKey).toList();
            List<Integer> others = candidates.stream().filter(o -> !o.equals(lastSteppedDown)).toList();
            List<Integer> pool = others.isEmpty() ? candidates : others;
            if (!pool.isEmpty() && random.nextInt(2) == 0) {
                int elected = pool.get(random.nextInt(pool.size()));
                pods.get(elected).leadership = Leadership.LEADER;
                log.add("elected " + elected);
            }
        }
        if (pods.values().stream().allMatch(p -> Objects.equals(p.revision, updateRevision))) {
            currentRevision = updateRevision;
        }
    }

    /** A disturbance the controller did not cause: a readiness flap, a lag spike or a leader change. */
    public void disturb() {
        int ordinal = random.nextInt(replicas);
        Pod pod = pods.get(ordinal);
        if (pod == null) {
            return;
        }
        switch (random.nextInt(3)) {
            case 0 -> pod.ready = !pod.ready && !pod.neverReady;
            case 1 -> pod.lag = random.nextInt(400);
            default -> {
                leader().ifPresent(l -> pods.get(l).leadership = Leadership.FOLLOWER);
                if (pod.ready) {
                    pod.leadership = Leadership.LEADER;
                }
            }
        }
    }

    public java.util.Optional<Integer> leader() {
        return pods.entrySet().stream().filter(e -> e.getValue().leadership == Leadership.LEADER)
                .map(Map.Entry::getKey).findFirst();
    }

    public boolean allRun(String version) {
        return pods.size() == replicas && pods.values().stream()
                .allMatch(p -> p.ready && p.image.equals(WorkloadVersion.image(REPO, version)));
    }

    private Pod newPod(String revision, String image) {
        Pod pod = new Pod();
        pod.revision = revision;
        pod.image = image;
        pod.uid = "uid-" + (++uids);
        pod.ready = false;
        pod.lag = 200 + random.nextInt(300);
        pod.startTicks = random.nextInt(3);
        return pod;
    }

    private String imageOf(String revision) {
        // pods recreated below the partition come back on the current revision's image
        for (Pod p : pods.values()) {
            if (Objects.equals(p.revision, revision)) {
                return p.image;
            }
        }
        return templateImage;
    }
}
