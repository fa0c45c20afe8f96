package dev.raftops.simulator.trace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when the simulation moves it, so a run never depends on wall time. */
public final class SimClock extends Clock {

    private final Instant start;
    private Instant now;

    public SimClock(Instant start) {
        this.start = start;
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this; // simulated time is always UTC
    }

    /** Moves time forward to {@code to}; never backwards. */
    public void advanceTo(Instant to) {
        if (to.isAfter(now)) {
            now = to;
        }
    }

    public void advance(Duration by) {
        advanceTo(now.plus(by));
    }

    /** Milliseconds since the run started: the {@code t} of every trace line. */
    public long elapsedMillis() {
        return Duration.between(start, now).toMillis();
    }

    public Instant start() {
        return start;
    }
}
