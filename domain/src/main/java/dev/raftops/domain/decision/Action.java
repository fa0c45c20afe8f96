package dev.raftops.domain.decision;

import java.util.Objects;

/**
 * The closed set of side effects a decision may ask for. Every write that can disrupt carries a
 * precondition (the StatefulSet's resourceVersion, the pod's UID) so a stale decision cannot act.
 */
public sealed interface Action {

    /**
     * Whether this action can take a voter down: releasing an ordinal, deleting a pod, deleting a
     * colour's StatefulSet. A decision carries at most one.
     */
    default boolean disruptive() {
        return this instanceof SetPartition || this instanceof DeletePod || this instanceof DeleteWorkload;
    }

    /**
     * Sets {@code partition} and the template image in one patch, so nothing can roll before the
     * partition is locked; with {@code restartedAt} also the template annotation
     * {@code raftops.dev/restartedAt}, which changes the revision without a version change (a rolling
     * restart). A null {@code restartedAt} leaves the annotation as it is, so no roll removes it.
     */
    record LockPartitionAndSetImage(String statefulSet, int partition, String image, String resourceVersion,
            String restartedAt) implements Action {
        public LockPartitionAndSetImage {
            Objects.requireNonNull(statefulSet, "statefulSet");
            Objects.requireNonNull(image, "image");
            if (partition < 0) {
                throw new IllegalArgumentException("negative partition");
            }
        }

        /** The template's restart annotation is left as it is. */
        public LockPartitionAndSetImage(String statefulSet, int partition, String image, String resourceVersion) {
            this(statefulSet, partition, image, resourceVersion, null);
        }
    }

    /**
     * Lowers the partition to {@code partition}, which releases that ordinal to the update revision:
     * always disruptive (locking the partition is {@link LockPartitionAndSetImage}).
     */
    record SetPartition(String statefulSet, int partition, String resourceVersion) implements Action {
        public SetPartition {
            Objects.requireNonNull(statefulSet, "statefulSet");
            if (partition < 0) {
                throw new IllegalArgumentException("negative partition");
            }
        }
    }

    /**
     * Sets only the template image of a StatefulSet whose update strategy is {@code OnDelete}: nothing
     * rolls by itself, so no partition is needed (and none is written: the strategy is not raftops's).
     */
    record SetImage(String statefulSet, String image, String resourceVersion) implements Action {
        public SetImage {
            Objects.requireNonNull(statefulSet, "statefulSet");
            Objects.requireNonNull(image, "image");
        }
    }

    /**
     * Deletes a pod, only if it still has {@code uid} and, when {@code resourceVersion} is set, only
     * if it is still that exact version of the pod (a pod that changed since the decision read it is
     * decided on again, not deleted).
     */
    record DeletePod(String pod, String uid, String resourceVersion) implements Action {
        public DeletePod {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(uid, "uid");
        }

        /** A delete conditioned on the UID only. */
        public DeletePod(String pod, String uid) {
            this(pod, uid, null);
        }
    }

    record CreateJob(JobRequest job) implements Action {
        public CreateJob {
            Objects.requireNonNull(job, "job");
        }
    }

    record DeleteJob(String job) implements Action {
        public DeleteJob {
            Objects.requireNonNull(job, "job");
        }
    }

    /**
     * Sets ({@code marked}) or removes the maintenance annotation on the StatefulSet or a pod; the
     * precondition is the object's resourceVersion or UID.
     */
    record MarkMaintenance(Target target, String name, boolean marked, String precondition) implements Action {
        public enum Target { STATEFUL_SET, POD }

        public MarkMaintenance {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Creates a blue or green StatefulSet for {@code revision}. */
    record CreateWorkload(String statefulSet, String revision, String version, String image, int replicas,
            String joinRevision) implements Action {
        public CreateWorkload {
            Objects.requireNonNull(statefulSet, "statefulSet");
            Objects.requireNonNull(revision, "revision");
        }
    }

    /** Deletes a blue or green StatefulSet, only if it still has {@code uid}. */
    record DeleteWorkload(String statefulSet, String uid) implements Action {
        public DeleteWorkload {
            Objects.requireNonNull(statefulSet, "statefulSet");
        }
    }

    /**
     * Sets the pod's {@code raftops.dev/revision} label to {@code revision}, only if the pod still has
     * {@code uid}: how the pods of a rolling StatefulSet adopted as Blue become selectable by the client
     * Services. A label is pod metadata, so the patch restarts nothing.
     */
    record LabelPod(String pod, String uid, String revision) implements Action {
        public LabelPod {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(revision, "revision");
        }
    }

    /** Points the client Services at the pods of {@code revision}. */
    record SwitchTraffic(String revision) implements Action {
        public SwitchTraffic {
            Objects.requireNonNull(revision, "revision");
        }
    }

    /** Emits a Kubernetes Event. */
    record Emit(ClusterEvent event) implements Action {
        public Emit {
            Objects.requireNonNull(event, "event");
        }
    }
}
