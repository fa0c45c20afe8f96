package dev.raftops.ports.driven;

import dev.raftops.domain.resource.ClusterSpec;
import java.util.Objects;

/** The spec as read from the custom resource: valid, or the first field that is not. */
public sealed interface SpecReading {

    record Valid(ClusterSpec spec) implements SpecReading {
        public Valid {
            Objects.requireNonNull(spec, "spec");
        }
    }

    /** A missing or malformed field; {@code field} is its path ({@code spec.replicas}). */
    record Invalid(String field, String message) implements SpecReading {
        public Invalid {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }
}
