package dev.raftops.sandbox.cli;

import dev.raftops.sandbox.timeline.TimelineFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code raftops timeline TRACE.jsonl -o upgrade.html}: a run's trace as one page to look at. */
@Command(name = "timeline", mixinStandardHelpOptions = true, version = "raftops 0.1.0",
        description = {"Writes a run's trace (JSON Lines, as `sandbox --trace` writes it) as one self-contained HTML page:",
                "a lane per pod coloured by version, Ready spans, leader marks, executor Jobs, the partition,",
                "faults and the controller's decisions (hover for details).",
                "Exit codes: 0 written, 1 the page could not be written, 2 a bad option or trace."})
public final class TimelineCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE", description = "The trace file (JSON Lines).")
    Path trace;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "The HTML file to write (default: the trace's name with .html).")
    Path output;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(trace)) {
            return usage("no trace file at " + trace);
        }
        Path page = output != null ? output
                : trace.resolveSibling(trace.getFileName().toString().replaceFirst("\\.jsonl?$", "") + ".html");
        try {
            TimelineFile.write(trace, page);
        } catch (TimelineFile.BadTrace e) {
            return usage(e.getMessage());
        } catch (IOException e) {
            spec.commandLine().getErr().println("raftops timeline: cannot write " + page + ": " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println("timeline written to " + page.toAbsolutePath());
        return 0;
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("raftops timeline: " + message);
        return 2;
    }
}
