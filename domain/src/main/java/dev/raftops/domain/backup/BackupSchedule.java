package dev.raftops.domain.backup;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A backup schedule: a 5-field cron expression (or {@code @hourly}, {@code @daily}, {@code @weekly},
 * {@code @monthly}) evaluated in an IANA time zone. The cron library stays behind this type; the
 * rest of the domain only sees instants.
 *
 * <p>Windows are wall-clock times in the zone. A wall time that does not exist (the hour skipped
 * when clocks go forward) fires one gap later, so a daily backup is never silently dropped; a wall
 * time that happens twice (the hour repeated when clocks go back) fires once, at its first
 * occurrence. See {@code docs/decisions/backup-schedule-dst.md}.
 */
public final class BackupSchedule {

    /** The macros the spec allows, as the 5-field expressions they stand for. */
    private static final Map<String, String> MACROS = Map.of(
            "@hourly", "0 * * * *",
            "@daily", "0 0 * * *",
            "@weekly", "0 0 * * 0",
            "@monthly", "0 0 1 * *");

    /** Bounds the search past wall times that resolve to or before the start (DST overlaps): a few hours of minutes. */
    private static final int MAX_CANDIDATES = 1_000;

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime executionTime;

    private BackupSchedule(String expression, ZoneId zone, ExecutionTime executionTime) {
        this.expression = expression;
        this.zone = zone;
        this.executionTime = executionTime;
    }

    /**
     * Readings already made, keyed by (expression, zone). Reading is a pure function of its input and
     * every pass of every cluster with a backup reads its schedule; parsing and validating the cron
     * expression was most of that pass's cost (docs/performance.md). Bounded: cleared when full.
     */
    private static final Map<String, ScheduleReading> READINGS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_READINGS = 512;

    /** Reads a schedule; a bad expression or zone becomes {@link ScheduleReading.Invalid}, never an exception. */
    public static ScheduleReading read(String expression, String timeZone) {
        String key = expression + "\u0000" + timeZone;
        ScheduleReading known = READINGS.get(key);
        if (known != null) {
            return known;
        }
        ScheduleReading reading = parse(expression, timeZone);
        if (READINGS.size() >= MAX_READINGS) {
            READINGS.clear();
        }
        READINGS.put(key, reading);
        return reading;
    }

    private static ScheduleReading parse(String expression, String timeZone) {
        if (expression == null || expression.isBlank()) {
            return new ScheduleReading.Invalid("spec.backup.schedule is required");
        }
        String trimmed = expression.trim();
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.trim());
        } catch (DateTimeException e) {
            return new ScheduleReading.Invalid("spec.backup.timeZone \"" + timeZone + "\": " + e.getMessage());
        }
        String cron = trimmed;
        if (trimmed.startsWith("@")) {
            cron = MACROS.get(trimmed.toLowerCase(Locale.ROOT));
            if (cron == null) {
                return new ScheduleReading.Invalid("spec.backup.schedule \"" + trimmed
                        + "\": unsupported macro; use @hourly, @daily, @weekly, @monthly or 5 cron fields");
            }
        }
        try {
            Cron parsed = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX)).parse(cron);
            parsed.validate();
            return new ScheduleReading.Valid(new BackupSchedule(trimmed, zone, ExecutionTime.forCron(parsed)));
        } catch (IllegalArgumentException e) {
            return new ScheduleReading.Invalid("spec.backup.schedule \"" + trimmed + "\": " + e.getMessage());
        }
    }

    /** The expression as written, trimmed (macros kept). */
    public String expression() {
        return expression;
    }

    /** The zone windows are evaluated in. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * What identifies this schedule in status: a change means the user edited the schedule or zone,
     * and the next window must be computed again.
     */
    public String fingerprint() {
        return expression + " " + zone.getId();
    }

    /**
     * The first window strictly after {@code after}, or empty when the expression never fires again
     * (for example {@code 0 0 30 2 *}).
     */
    public Optional<Instant> nextAfter(Instant after) {
        // The library walks wall-clock time in a zone without DST (UTC stands in for "local"), and
        // this type maps each wall time back into the real zone: that gives one rule for gaps and
        // overlaps instead of whatever the library does around transitions.
        ZonedDateTime cursor = after.atZone(zone).toLocalDateTime().atZone(ZoneOffset.UTC);
        for (int i = 0; i < MAX_CANDIDATES; i++) {
            Optional<ZonedDateTime> candidate = executionTime.nextExecution(cursor);
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            LocalDateTime wall = candidate.get().toLocalDateTime();
            // ofLocal: in a gap the time moves forward by the gap's length; in an overlap the earlier offset wins
            Instant at = ZonedDateTime.ofLocal(wall, zone, null).toInstant();
            if (at.isAfter(after)) {
                return Optional.of(at);
            }
            cursor = candidate.get();
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return fingerprint();
    }
}
