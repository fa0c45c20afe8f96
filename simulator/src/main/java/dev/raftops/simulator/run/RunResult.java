package dev.raftops.simulator.run;

import dev.raftops.simulator.check.Violation;
import dev.raftops.simulator.world.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How a simulated run ended.
 *
 * @param result {@code converged}, {@code blocked}, {@code failed} or {@code timeout} (as in {@code run.end})
 * @param writes the writes the controllers attempted (W of a crash test)
 * @param reconciles the controllers' {@code reconcile} calls (a crashed call included)
 * @param violations the invariants the trace broke; the run stops at the first
 * @param tolerated violations of invariants the runner was told to tolerate: recorded, the run went on
 */
public record RunResult(Scenario scenario, String result, String reason, int writes, int reconciles, int controllerStarts,
        List<Violation> violations, List<Violation> tolerated, List<String> trace) {

    public RunResult {
        violations = List.copyOf(violations);
        tolerated = List.copyOf(tolerated);
        trace = List.copyOf(trace);
    }

    public boolean converged() {
        return "converged".equals(result);
    }

    public boolean safe() {
        return violations.isEmpty();
    }

    /** The whole trace as JSON Lines text. */
    public String traceText() {
        StringBuilder out = new StringBuilder();
        trace.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    /** Writes the trace to {@code file} (JSON Lines, UTF-8), for people and other checkers. */
    public void writeTrace(Path file) throws IOException {
        Files.writeString(file, traceText(), StandardCharsets.UTF_8);
    }

    /** One line a person can paste into a replay: the scenario, the outcome and the first violation. */
    public String summary() {
        return "replay: " + scenario.replay() + " -> " + result + (reason == null ? "" : " (" + reason + ")")
                + (violations.isEmpty() ? "" : "; " + violations.get(0));
    }
}
