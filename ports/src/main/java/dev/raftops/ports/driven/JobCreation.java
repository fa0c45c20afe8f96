package dev.raftops.ports.driven;

/** The answer of {@link JobPort#createIfAbsent}. */
public sealed interface JobCreation {

    record Created() implements JobCreation {
    }

    /** A Job of that name owned by this cluster exists already: the same work, already started. */
    record AlreadyExists() implements JobCreation {
    }

    /** A Job of that name exists but is not ours (no owner reference to this cluster): refused. */
    record Refused(String reason) implements JobCreation {
    }
}
