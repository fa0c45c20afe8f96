package dev.raftops.simulator.runtime;

import dev.raftops.domain.resource.Maintenance;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/** What the played StatefulSet controller reads off a template: its revision, restart annotation and replicas. */
final class PlayedTemplate {

    private PlayedTemplate() {
    }

    static String revision(String statefulSet, String image) {
        return statefulSet + "-" + Integer.toHexString(String.valueOf(image).hashCode());
    }

    /** The revision of a template with {@code image} and the restart annotation {@code restart} (null: none). */
    static String revision(String statefulSet, String image, String restart) {
        return restart == null ? revision(statefulSet, image)
                : statefulSet + "-" + Integer.toHexString((image + "@" + restart).hashCode());
    }

    /** The template's restart annotation ({@code raftops.dev/restartedAt}), or null. */
    static String restartAnnotation(StatefulSet sts) {
        var metadata = sts.getSpec().getTemplate().getMetadata();
        return metadata == null || metadata.getAnnotations() == null ? null
                : metadata.getAnnotations().get(Maintenance.RESTARTED_AT_ANNOTATION);
    }

    /** The replicas {@code sts} asks for (1 when unset, as Kubernetes defaults it). */
    static int replicas(StatefulSet sts) {
        return sts.getSpec().getReplicas() == null ? 1 : sts.getSpec().getReplicas();
    }
}
