package dev.raftops.simulator.runtime;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;

/** One change a watch of {@link WatchedChanges} reported. */
sealed interface WatchedChange permits WatchedChange.SetChanged, WatchedChange.SetDeleted, WatchedChange.StatusChanged,
        WatchedChange.ServiceChanged, WatchedChange.PodDeleted, PodLabelled, WatchedChange.JobChanged,
        WatchedChange.JobDeleted {

    /** A managed StatefulSet was created or changed; {@code statefulSet} is its new state. */
    record SetChanged(StatefulSet statefulSet) implements WatchedChange {
    }

    /** A managed StatefulSet was deleted. */
    record SetDeleted(String name) implements WatchedChange {
    }

    /** A managed Service was created or changed (blue/green switches the client Services' selector). */
    record ServiceChanged(Service service) implements WatchedChange {
    }

    /**
     * A RaftCluster was created or changed; {@code status} is its status (null when it has none),
     * {@code labels} whether it reads Raft state from labels ({@code spec.upgrade.raftState: labels}).
     */
    record StatusChanged(String cluster, long resourceVersion, Map<String, Object> status, boolean labels)
            implements WatchedChange {
    }

    /**
     * A pod of {@code cluster} was deleted, by anyone: the runtime knows its own pods by uid, so
     * its own deletions and older pods of the same name are told apart from the controller's.
     */
    record PodDeleted(String cluster, String name, String uid) implements WatchedChange {
    }

    /** An executor Job of a cluster was created or changed; {@code job} is its new state. */
    record JobChanged(Job job) implements WatchedChange {
    }

    /** An executor Job of {@code cluster} was deleted. */
    record JobDeleted(String cluster, String name) implements WatchedChange {
    }
}
