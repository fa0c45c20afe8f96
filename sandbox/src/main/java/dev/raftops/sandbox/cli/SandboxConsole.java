package dev.raftops.sandbox.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a person reads of a sandbox run on stdout: each line after the time since the start
 * ({@code "   17.4s  "}), wrapped to {@link SandboxCommand#WIDTH} columns
 * (docs/decisions/sandbox-input-and-output.md).
 */
final class SandboxConsole {

    /** The time column: {@code "   17.4s  "}. */
    private static final int TIME_COLUMN = 10;

    private final PrintWriter out;
    private final Instant started;

    SandboxConsole(PrintWriter out, Instant started) {
        this.out = out;
        this.started = started;
    }

    /** When the run started. */
    Instant started() {
        return started;
    }

    /** The columns a line has after the time column. */
    int width() {
        return SandboxCommand.WIDTH - TIME_COLUMN;
    }

    void say(String text) {
        say(SandboxLine.words(text));
    }

    /** Prints {@code line} after the time since the start, wrapped to {@link SandboxCommand#WIDTH} columns. */
    void say(SandboxLine line) {
        List<String> lines = line.wrapped(width());
        out.printf("%7.1fs  %s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0, lines.get(0));
        for (String more : lines.subList(1, lines.size())) {
            out.printf("%" + TIME_COLUMN + "s%s%n", "", more);
        }
        out.flush();
    }
}
