package dev.raftops.simulator.check;

import dev.raftops.simulator.trace.TraceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a trace (format: {@code trace.md}) against the Day-2 safety invariants, one class each.
 * Feed it line by line with {@link #accept(String)} to stop a run at the first violation, or check a
 * whole trace with {@link #check(List)}. It reads only the trace, never the simulator, so it works on
 * any run that writes the format (simulated or real).
 *
 * <p>"Because of the controller" means: a release (the partition lowered to the ordinal, after
 * which the StatefulSet controller rolls the pod; {@code cause: rollout}) or a direct delete
 * ({@code cause: controller}). Crashes, a person's deletes and other faults are not the controller's
 * doing (docs/decisions/simulator-checker-attribution.md).
 */
public final class InvariantChecker {

    public static final String ONE_VOTER_DOWN = OneVoterDown.NAME;
    public static final String LEADER_SPARED = LeaderSpared.NAME;
    /** See {@link ReleasedPodLed}. */
    public static final String RELEASED_POD_LED = ReleasedPodLed.NAME;
    public static final String PARTITION_STEPS = PartitionSteps.NAME;
    public static final String ORDINAL_ONCE = OrdinalOnce.NAME;
    public static final String VERSION_FORWARD = VersionForward.NAME;
    public static final String VERSION_EXACT = VersionExact.NAME;
    public static final String LOCK_EXCLUSIVE = LockExclusive.NAME;
    public static final String ONE_COLOUR = OneColour.NAME;

    /** In the order their violations of one line are reported. */
    private final List<Invariant> invariants = List.of(new PartitionSteps(), new LeaderSpared(), new ReleasedPodLed(),
            new OneVoterDown(), new LockExclusive(), new OrdinalOnce(), new VersionForward(), new VersionExact(),
            new OneColour());
    private final TraceState state = new TraceState();
    private final List<Violation> violations = new ArrayList<>();
    private int lineNumber;

    /** Every violation in {@code lines}. */
    public static List<Violation> check(List<String> lines) {
        InvariantChecker checker = new InvariantChecker();
        for (String line : lines) {
            checker.accept(line);
        }
        return checker.violations();
    }

    public static List<Violation> check(Path traceFile) throws IOException {
        return check(Files.readAllLines(traceFile));
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Checks one more line; returns the violations it revealed (usually none). */
    public List<Violation> accept(String json) {
        int before = violations.size();
        TraceRecord line = TraceRecord.parse(++lineNumber, json);
        for (Invariant invariant : invariants) {
            invariant.check(line, state, (name, message) -> violations.add(new Violation(name, line.lineNumber(),
                    line.t(), message)));
        }
        state.apply(line);
        return List.copyOf(violations.subList(before, violations.size()));
    }
}
