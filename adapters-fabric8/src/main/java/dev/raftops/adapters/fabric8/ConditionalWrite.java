package dev.raftops.adapters.fabric8;

import dev.raftops.ports.driven.WriteResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.function.Supplier;

/** Runs one conditioned write and turns the API's precondition answers into {@link WriteResult} values. */
final class ConditionalWrite {

    static final int CONFLICT = 409;
    static final int NOT_FOUND = 404;

    private ConditionalWrite() {
    }

    /**
     * 409 (stale resourceVersion, precondition failed) becomes {@code Conflict} and 404 {@code NotFound};
     * anything else is a real failure and propagates, so the controller backs off.
     */
    static WriteResult attempt(Supplier<? extends HasMetadata> write) {
        try {
            HasMetadata written = write.get();
            return new WriteResult.Written(written == null ? null : written.getMetadata().getResourceVersion());
        } catch (KubernetesClientException e) {
            return refused(e);
        }
    }

    /** Deletes {@code live} conditioned on the resourceVersion it was read at; 409 and 404 as in {@link #attempt}. */
    static <T extends HasMetadata> WriteResult delete(Resource<T> ref, T live) {
        try {
            ref.lockResourceVersion(live.getMetadata().getResourceVersion()).delete();
            return new WriteResult.Written(null);
        } catch (KubernetesClientException e) {
            return refused(e);
        }
    }

    /** A precondition's answer: 409 is {@code Conflict}, 404 {@code NotFound}; anything else propagates. */
    private static WriteResult refused(KubernetesClientException e) {
        if (e.getCode() == CONFLICT) {
            return new WriteResult.Conflict(e.getMessage());
        }
        if (e.getCode() == NOT_FOUND) {
            return new WriteResult.NotFound(e.getMessage());
        }
        throw e;
    }

    static WriteResult conflict(String what, String expected, String actual) {
        return new WriteResult.Conflict(what + ": expected " + expected + " but found " + actual + "; nothing written");
    }
}
