package dev.raftops.simulator.check;

import dev.raftops.simulator.trace.TraceRecord;

/**
 * The partition only decreases, one ordinal at a time, toward 0, per target: it may rise only to
 * {@code replicas} (the lock), and the template may change only while it is there (or at any time
 * under {@code OnDelete}, where nothing rolls by itself).
 */
final class PartitionSteps implements Invariant {

    static final String NAME = "partition only decreases, one ordinal at a time, toward 0, per target";

    @Override
    public void check(TraceRecord line, TraceState before, Report out) {
        String sts = line.string("statefulSet");
        int replicas = before.replicas();
        // under OnDelete a template change rolls nothing: pods roll only when deleted, one at a time
        if ("sts.template".equals(line.kind()) && before.hasTemplate(sts) && !before.onDelete(sts)) {
            Integer partition = before.partition(sts);
            if (replicas > 0 && (partition == null || partition < replicas)) {
                out.fail(NAME, "template of " + sts + " changed to " + line.string("version") + " while the partition"
                        + " was " + partition + ": pods could roll before the partition was locked");
            }
        }
        if (!"sts.partition".equals(line.kind())) {
            return;
        }
        int value = (int) line.number("value");
        Integer previous = before.partition(sts);
        int from = previous == null ? 0 : previous;
        if (value > from && value < replicas) {
            out.fail(NAME, "partition of " + sts + " rose from " + from + " to " + value
                    + " (only a lock at " + replicas + " may raise it)");
        } else if (value < from - 1) {
            out.fail(NAME, "partition of " + sts + " fell from " + from + " to " + value
                    + ": more than one ordinal released");
        }
    }
}
