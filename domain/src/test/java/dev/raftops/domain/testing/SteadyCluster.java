package dev.raftops.domain.testing;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.version.WorkloadVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One observation of a settled rolling cluster, for tests of a single pass: StatefulSet {@code db}
 * converged on {@code version}'s image, every pod Ready and caught up, {@code leader} leading. A
 * value with no dynamics: tests that need pods to start, elections or a partition roll run on the
 * simulator's model (docs/testing.md).
 */
public record SteadyCluster(int replicas, String version, int leader) {

    public static final ClusterKey KEY = new ClusterKey("default", "db");
    public static final String REPO = "quay.io/openbao/openbao";

    public static ClusterSpec spec(int replicas, String version) {
        return ClusterSpec.of(version, WorkloadVersion.image(REPO, version), replicas);
    }

    public ClusterObservation observe() {
        String image = WorkloadVersion.image(REPO, version);
        String revision = "db-" + Integer.toHexString(image.hashCode() & 0xfffffff);
        List<PodView> pods = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            pods.add(new PodView("db-" + i, "db", i, "uid-" + (i + 1), revision, image, WorkloadVersion.podVersion(image),
                    true, false, 0, i == leader ? Leadership.LEADER : Leadership.FOLLOWER, 0L, true, Map.of()));
        }
        StatefulSetView sts = new StatefulSetView("db", "uid-sts", "1", replicas, 0, false, revision, revision, image, 1, 1,
                replicas, replicas, Map.of());
        return ClusterObservation.of(List.of(sts), pods, List.of());
    }
}
