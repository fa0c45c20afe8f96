package dev.raftops.simulator.runtime;

import dev.raftops.simulator.trace.SimClock;
import dev.raftops.simulator.trace.Trace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The traces of a {@link ClusterRuntime}'s run: one per cluster ({@code <namespace>/<cluster>}),
 * kept in memory for the run's own account, every line also appended to one JSON Lines file when
 * the settings name one.
 */
final class RuntimeTraces {

    private final SimClock clock;
    private final String namespace;
    private final BufferedWriter file;
    private final Map<String, Trace> traces = new TreeMap<>();

    RuntimeTraces(SimClock clock, String namespace, Path file) {
        this.clock = clock;
        this.namespace = namespace;
        try {
            this.file = file == null ? null : Files.newBufferedWriter(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trace of {@code cluster}, begun at first use. */
    Trace of(String cluster) {
        return traces.computeIfAbsent(cluster, c -> {
            Trace trace = new Trace(clock, namespace + "/" + c);
            trace.listen(this::append);
            return trace;
        });
    }

    /** The traces of every cluster seen so far. */
    Collection<Trace> all() {
        return traces.values();
    }

    /** The lines of {@code cluster}'s trace so far; empty for a cluster not seen. */
    List<String> lines(String cluster) {
        Trace trace = traces.get(cluster);
        return trace == null ? List.of() : trace.lines();
    }

    private void append(String json) {
        onFile(f -> {
            f.write(json);
            f.newLine();
        });
    }

    void flush() {
        onFile(BufferedWriter::flush);
    }

    void close() {
        onFile(BufferedWriter::close);
    }

    private interface FileStep {
        void on(BufferedWriter file) throws IOException;
    }

    /** Does {@code step} on the trace file when there is one; a failed write of the trace is unchecked. */
    private void onFile(FileStep step) {
        if (file == null) {
            return;
        }
        try {
            step.on(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
