package dev.raftops.simulator.check;

import dev.raftops.simulator.trace.TraceRecord;

/**
 * The operation lock is held by one operation at a time: it never passes from one operation to
 * another without being free in between, and nothing is released or deleted while an operation
 * other than an upgrade holds it (a backup; a restore, except by the roll it records in the status
 * to restart the members).
 */
final class LockExclusive implements Invariant {

    static final String NAME = "the operation lock is held by one operation at a time";

    @Override
    public void check(TraceRecord line, TraceState before, Report out) {
        String lock = before.lock();
        TakeDown down = before.takeDown(line);
        boolean restoreRoll = "Restore".equals(lock) && before.rolling();
        if (down != null && lock != null && !lock.equals("Upgrade") && !lock.equals("BlueGreen") && !restoreRoll) {
            out.fail(NAME, down.what() + " while the lock is held by " + lock);
        }
        String next = line.string("lock");
        if ("status".equals(line.kind()) && lock != null && next != null && !lock.equals(next)) {
            out.fail(NAME, "lock passed from " + lock + " to " + next + " without being released");
        }
    }
}
