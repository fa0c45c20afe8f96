package dev.raftops.acceptance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged controller as two processes with Lease election, faults played at seeded points of
 * a rolling upgrade, a blue/green cutover and a backup (see {@link Fault}, {@link FaultRunner}).
 * The default suite runs a seeded sample of {@value #SAMPLE} runs; {@code -Draftops.faults.runs=N}
 * runs N (the long form, every fault in turn, seeds from {@value #LONG_SEED}) and writes one JSON
 * line per run to {@code target/fault-runs.jsonl} ({@code -Draftops.faults.first=K} starts at run K);
 * {@code -Draftops.faults.run=FAULT:SEED} replays one.
 */
class ProcessFaultsScenarioTest {

    static final int SAMPLE = 3;
    static final long LONG_SEED = 1000;
    private static final Path SUMMARY = Path.of("target", "fault-runs.jsonl");

    @TempDir
    Path dir;

    static Stream<FaultRun> runs() {
        String one = System.getProperty("raftops.faults.run", "");
        if (!one.isBlank()) {
            return Stream.of(FaultRun.parse(one));
        }
        String count = System.getProperty("raftops.faults.runs", "");
        if (!count.isBlank()) {
            Fault[] faults = Fault.values();
            int first = Integer.parseInt(System.getProperty("raftops.faults.first", "0").trim());
            String operation = System.getProperty("raftops.faults.operation", "").trim();
            return Stream.iterate(first, i -> i + 1).limit(Integer.parseInt(count.trim()))
                    .map(i -> operation.isEmpty() ? FaultRun.of(faults[i % faults.length], LONG_SEED + i)
                            : FaultRun.of(faults[i % faults.length], LONG_SEED + i, Operation.valueOf(operation)));
        }
        // the sample: the fence, a takeover after SIGKILL (of a restore too), and the API server refusing
        return Stream.of(FaultRun.of(Fault.PAUSE, 7), FaultRun.of(Fault.KILL, 2), FaultRun.of(Fault.HTTP_ERRORS, 5),
                FaultRun.of(Fault.KILL, 3, Operation.RESTORE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void theOperationCompletesOrStopsByNameAndNoCheckFindsAViolation(FaultRun run) throws Exception {
        RunReport report = FaultRunner.run(run, dir);
        summarise(report);
        System.out.println("fault run " + report.run() + ": " + report.outcome() + " in " + report.millis()
                + " ms (phases at " + report.marks() + "), holders " + report.holders() + ", fenced writes tried "
                + report.fencedAttempts() + ", " + report.played());
        assertThat(report.violations()).as("fault run " + report.run() + " (replay: -Draftops.faults.run="
                + run.name() + "); its files: " + dir).isEmpty();
    }

    private static synchronized void summarise(RunReport report) throws IOException {
        Files.createDirectories(SUMMARY.getParent());
        Files.writeString(SUMMARY, report.json() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
