package dev.raftops.benchmarks.endtoend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Measured durations in milliseconds, summarised by nearest-rank percentiles (no interpolation). */
record Distribution(List<Double> sortedMillis) {

    static Distribution ofNanos(Collection<Long> nanos) {
        List<Double> ms = new ArrayList<>();
        nanos.forEach(n -> ms.add(n / 1e6));
        ms.sort(Double::compare);
        return new Distribution(List.copyOf(ms));
    }

    int count() {
        return sortedMillis.size();
    }

    /** The smallest value with at least {@code p} percent of the values at or below it. */
    double percentile(double p) {
        if (sortedMillis.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.size());
        return sortedMillis.get(Math.max(0, Math.min(sortedMillis.size() - 1, rank - 1)));
    }

    double max() {
        return sortedMillis.isEmpty() ? Double.NaN : sortedMillis.get(sortedMillis.size() - 1);
    }

    double min() {
        return sortedMillis.isEmpty() ? Double.NaN : sortedMillis.get(0);
    }

    @Override
    public String toString() {
        return String.format("n=%d min=%.1f p50=%.1f p90=%.1f p99=%.1f max=%.1f ms", count(), min(), percentile(50),
                percentile(90), percentile(99), max());
    }
}
