package dev.raftops.simulator.run;

import java.util.Arrays;
import java.util.List;

/** Where a line stands in a run's trace. */
final class TraceSearch {

    private TraceSearch() {
    }

    /** The index of the first line at or after {@code from} that contains every fragment; -1 when none does. */
    static int first(List<String> trace, int from, String... fragments) {
        for (int i = Math.max(from, 0); i < trace.size(); i++) {
            String line = trace.get(i);
            if (Arrays.stream(fragments).allMatch(line::contains)) {
                return i;
            }
        }
        return -1;
    }
}
