package dev.raftops.simulator.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The JSON Lines trace of one run (format: {@code trace.md}): lines in the order things happened,
 * each stamped with the simulated time. Listeners see every line as it is written, so an
 * invariant checker can stop a run at the first violation.
 */
public final class Trace {

    private final SimClock clock;
    private final String cluster;
    private final List<String> lines = new ArrayList<>();
    private final List<Consumer<String>> listeners = new ArrayList<>();

    public Trace(SimClock clock, String cluster) {
        this.clock = clock;
        this.cluster = cluster;
    }

    /** A new line of {@code kind} at the current simulated time; call {@link #write} when complete. */
    public TraceLine line(String kind) {
        return TraceLine.of(clock.elapsedMillis(), kind, cluster);
    }

    public void write(TraceLine line) {
        String json = line.toJson();
        lines.add(json);
        for (Consumer<String> listener : listeners) {
            listener.accept(json);
        }
    }

    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The whole trace, one line per event, each ending in a newline. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
