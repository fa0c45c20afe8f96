package dev.raftops.executor;

import java.io.PrintStream;
import java.time.Clock;

/** One line per step on standard error, stamped; callers pass facts, never a token or snapshot bytes. */
public final class Log {

    private final PrintStream out;
    private final Clock clock;

    public Log(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public void info(String message) {
        out.println(clock.instant() + " " + message);
        out.flush();
    }
}
