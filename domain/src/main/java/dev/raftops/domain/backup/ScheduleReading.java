package dev.raftops.domain.backup;

import java.util.Objects;

/** The result of reading {@code spec.backup.schedule} and {@code spec.backup.timeZone}: a schedule, or why not. */
public sealed interface ScheduleReading {

    /** The schedule parsed; windows can be computed. */
    record Valid(BackupSchedule schedule) implements ScheduleReading {
        public Valid {
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    /**
     * The schedule cannot be used. {@code reason} is the parser's own explanation, prefixed with the
     * field it is about, so a person can fix the spec without reading logs.
     */
    record Invalid(String reason) implements ScheduleReading {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
