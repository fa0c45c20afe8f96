package dev.raftops.ports.driven;

/** The answer of a conditioned write. A conflict is a value to re-read and retry on, never an exception. */
public sealed interface WriteResult {

    /** Written; {@code resourceVersion} is the object's new version (null where the API returns none). */
    record Written(String resourceVersion) implements WriteResult {
    }

    /** The precondition (resourceVersion or UID) no longer holds: nothing was written. */
    record Conflict(String message) implements WriteResult {
    }

    /** The object is gone: nothing was written. */
    record NotFound(String message) implements WriteResult {
    }

    default boolean written() {
        return this instanceof Written;
    }
}
