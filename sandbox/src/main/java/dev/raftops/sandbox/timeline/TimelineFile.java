package dev.raftops.sandbox.timeline;

import dev.raftops.simulator.trace.TraceRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a trace file and writes its timeline page. */
public final class TimelineFile {

    private TimelineFile() {
    }

    /** A trace line that is not of the trace format, said as {@code <file>:<line>: <why>}. */
    public static final class BadTrace extends Exception {
        public BadTrace(String message) {
            super(message);
        }
    }

    public static Timeline read(Path trace) throws IOException, BadTrace {
        List<TraceRecord> records = new ArrayList<>();
        List<String> lines = Files.readAllLines(trace, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                TraceRecord record = TraceRecord.parse(i + 1, lines.get(i));
                if (record.kind() == null || !record.has("t")) {
                    throw new IllegalArgumentException("a trace line has \"t\" and \"kind\"");
                }
                record.t();
                records.add(record);
            } catch (IllegalArgumentException e) {
                throw new BadTrace(trace + ":" + (i + 1) + ": not a trace line: " + e.getMessage());
            }
        }
        if (records.isEmpty()) {
            throw new BadTrace(trace + ": no trace lines");
        }
        return TimelineReading.of(records);
    }

    /** Writes the page of {@code trace} to {@code page}. */
    public static void write(Path trace, Path page) throws IOException, BadTrace {
        Timeline timeline = read(trace);
        String title = "raftops timeline: " + String.join(", ", timeline.tracks().stream().map(Timeline.Track::cluster)
                .toList()) + " (" + trace.getFileName() + ")";
        Files.writeString(page, TimelinePage.render(timeline, title), StandardCharsets.UTF_8);
    }
}
