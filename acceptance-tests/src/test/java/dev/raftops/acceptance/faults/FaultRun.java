package dev.raftops.acceptance.faults;

import java.util.Random;

/**
 * One seeded fault run: the fault, and from the seed the operation it interrupts and the point
 * (how many trace lines of the operation to wait for first). {@code FAULT:SEED} names it; the
 * property {@code -Draftops.faults.run=FAULT:SEED} replays it.
 */
public record FaultRun(Fault fault, long seed, Operation operation, int point) {

    /** The most trace lines a run waits for before its fault: about a rolling upgrade's length. */
    static final int POINTS = 14;

    public static FaultRun of(Fault fault, long seed) {
        Random random = new Random(seed);
        Operation[] operations = Operation.values();
        return new FaultRun(fault, seed, operations[random.nextInt(operations.length)], random.nextInt(POINTS));
    }

    /** {@code KILL:42}, as {@code -Draftops.faults.run} takes it. */
    public static FaultRun parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("-Draftops.faults.run=" + text + ": expected FAULT:SEED, e.g. KILL:42");
        }
        return of(Fault.valueOf(text.substring(0, colon).trim()), Long.parseLong(text.substring(colon + 1).trim()));
    }

    /** The random choices of the fault itself, apart from those that chose the run. */
    Random faultRandom() {
        return new Random(seed * 7919 + fault.ordinal());
    }

    public String name() {
        return fault + ":" + seed;
    }

    @Override
    public String toString() {
        return name() + " (" + operation + ", after " + point + " trace lines)";
    }
}
