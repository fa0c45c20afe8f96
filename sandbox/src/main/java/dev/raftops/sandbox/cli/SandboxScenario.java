package dev.raftops.sandbox.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code raftops sandbox --scenario} shows (docs/decisions/sandbox-scenarios.md): the guided
 * tour, a restore of the latest backup through a {@code RaftRestore}, or a rolling restart through
 * {@code spec.maintenance.restartAt}.
 */
enum SandboxScenario {
    TOUR, RESTORE, RESTART;

    /** The spelling on the command line. */
    String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scenario spelled {@code value}; an {@link IllegalArgumentException} for any other word. */
    static SandboxScenario parse(String value) {
        return Arrays.stream(values()).filter(s -> s.spelling().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a scenario: " + value));
    }

    /** The scenarios as the usage line lists them: {@code tour, restore or restart}. */
    static String choices() {
        String all = Arrays.stream(values()).map(SandboxScenario::spelling).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
