package dev.raftops.domain.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackupScheduleTest {

    private static final String AMSTERDAM = "Europe/Amsterdam";

    private static BackupSchedule schedule(String expression, String zone) {
        ScheduleReading reading = BackupSchedule.read(expression, zone);
        assertThat(reading).isInstanceOf(ScheduleReading.Valid.class);
        return ((ScheduleReading.Valid) reading).schedule();
    }

    private static Instant next(String expression, String zone, String after) {
        return schedule(expression, zone).nextAfter(Instant.parse(after)).orElseThrow();
    }

    private static String invalidReason(String expression, String zone) {
        ScheduleReading reading = BackupSchedule.read(expression, zone);
        assertThat(reading).isInstanceOf(ScheduleReading.Invalid.class);
        return ((ScheduleReading.Invalid) reading).reason();
    }

    @Test
    void runsAtHalfPastTwoLocalOnAnOrdinaryDay() {
        // 2026-03-28 is still winter time (UTC+1)
        assertThat(next("30 2 * * *", AMSTERDAM, "2026-03-27T12:00:00Z")).isEqualTo("2026-03-28T01:30:00Z");
    }

    @Test
    void aWindowInTheSkippedHourOfSpringForwardRunsOneGapLater() {
        // 02:30 does not exist on 2026-03-29: clocks jump from 02:00 to 03:00; it runs at 03:30 CEST
        assertThat(next("30 2 * * *", AMSTERDAM, "2026-03-28T12:00:00Z")).isEqualTo("2026-03-29T01:30:00Z");
    }

    @Test
    void theDayAfterSpringForwardRunsAtHalfPastTwoSummerTime() {
        assertThat(next("30 2 * * *", AMSTERDAM, "2026-03-29T01:30:00Z")).isEqualTo("2026-03-30T00:30:00Z");
    }

    @Test
    void aWindowInTheRepeatedHourOfFallBackRunsOnlyAtItsFirstOccurrence() {
        // 02:30 happens twice on 2026-10-25 (00:30Z summer time, 01:30Z winter time)
        Instant first = next("30 2 * * *", AMSTERDAM, "2026-10-24T12:00:00Z");
        assertThat(first).isEqualTo("2026-10-25T00:30:00Z");
        assertThat(schedule("30 2 * * *", AMSTERDAM).nextAfter(first)).contains(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void afterTheSecondOccurrenceOfTheRepeatedHourTheNextWindowIsTomorrow() {
        assertThat(next("30 2 * * *", AMSTERDAM, "2026-10-25T01:10:00Z")).isEqualTo("2026-10-26T01:30:00Z");
    }

    @Test
    void hourlyWindowsMergeInTheSkippedHourOfSpringForward() {
        // wall 02:00 does not exist and moves to 03:00, which is a window anyway: one run
        BackupSchedule hourly = schedule("@hourly", AMSTERDAM);
        Instant first = hourly.nextAfter(Instant.parse("2026-03-29T00:30:00Z")).orElseThrow();
        assertThat(first).isEqualTo("2026-03-29T01:00:00Z");
        assertThat(hourly.nextAfter(first)).contains(Instant.parse("2026-03-29T02:00:00Z"));
    }

    @Test
    void hourlyWindowsFireEachWallTimeOnceInTheRepeatedHourOfFallBack() {
        BackupSchedule hourly = schedule("@hourly", AMSTERDAM);
        Instant first = hourly.nextAfter(Instant.parse("2026-10-24T23:30:00Z")).orElseThrow();
        assertThat(first).isEqualTo("2026-10-25T00:00:00Z");
        assertThat(hourly.nextAfter(first)).contains(Instant.parse("2026-10-25T02:00:00Z"));
    }

    @Test
    void aWindowExactlyAtTheStartIsNotReturned() {
        assertThat(next("30 2 * * *", "UTC", "2026-05-01T02:30:00Z")).isEqualTo("2026-05-02T02:30:00Z");
    }

    /** After Friday 2026-05-01 10:15 UTC: the top of the next hour, local midnight, Sunday, the 1st; any case. */
    @ParameterizedTest(name = "{0} in {1} after {2} fires at {3}")
    @CsvSource({
        "@hourly,  UTC,              2026-05-01T10:15:00Z, 2026-05-01T11:00:00Z",
        "@daily,   Europe/Amsterdam, 2026-05-01T10:15:00Z, 2026-05-01T22:00:00Z",
        "@weekly,  UTC,              2026-05-01T10:15:00Z, 2026-05-03T00:00:00Z",
        "@monthly, UTC,              2026-05-01T10:15:00Z, 2026-06-01T00:00:00Z",
        "@Daily,   UTC,              2026-05-01T10:15:00Z, 2026-05-02T00:00:00Z",
    })
    void aMacroFiresAtItsNextBoundaryInItsZone(String macro, String zone, String after, String expected) {
        assertThat(next(macro, zone, after)).isEqualTo(expected);
    }

    @Test
    void aMissingTimeZoneMeansUtc() {
        assertThat(schedule("0 3 * * *", null).zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void anOutOfRangeFieldCarriesTheParsersReason() {
        assertThat(invalidReason("61 * * * *", "UTC")).contains("spec.backup.schedule").contains("61 not in range");
    }

    @Test
    void aSixFieldExpressionIsInvalid() {
        assertThat(invalidReason("0 0 * * * *", "UTC")).contains("6 parts");
    }

    @Test
    void anUnknownTimeZoneIsInvalid() {
        assertThat(invalidReason("@daily", "Mars/Olympus")).contains("spec.backup.timeZone").contains("Mars/Olympus");
    }

    @Test
    void anUnsupportedMacroIsInvalid() {
        assertThat(invalidReason("@yearly", "UTC")).contains("unsupported macro");
    }

    @Test
    void aBlankScheduleIsInvalid() {
        assertThat(invalidReason("  ", "UTC")).contains("required");
    }

    @Test
    void anImpossibleDateHasNoNextWindow() {
        assertThat(schedule("0 0 30 2 *", "UTC").nextAfter(Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void aLeapDayScheduleFindsTheNextLeapYear() {
        assertThat(next("0 0 29 2 *", "UTC", "2026-01-01T00:00:00Z")).isEqualTo("2028-02-29T00:00:00Z");
    }

    @Test
    void theFingerprintChangesWithTheZone() {
        assertThat(schedule("@daily", "UTC").fingerprint()).isNotEqualTo(schedule("@daily", AMSTERDAM).fingerprint());
    }
}
