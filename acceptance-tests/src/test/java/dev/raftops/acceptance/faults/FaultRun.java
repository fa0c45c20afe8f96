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

    /** The operations a seed draws from; {@link Operation#RESTORE} is named explicitly (it came later, and seeds keep their runs). */
    private static final Operation[] DRAWN = {Operation.ROLLING_UPGRADE, Operation.BLUE_GREEN, Operation.BACKUP};

    public static FaultRun of(Fault fault, long seed) {
        Random random = new Random(seed);
        return new FaultRun(fault, seed, DRAWN[random.nextInt(DRAWN.length)], random.nextInt(POINTS));
    }

    /** The run of {@code fault} and {@code seed} (its point from the seed) interrupting {@code operation}. */
    public static FaultRun of(Fault fault, long seed, Operation operation) {
        FaultRun drawn = of(fault, seed);
        return new FaultRun(fault, seed, operation, drawn.point());
    }

    /** {@code KILL:42}, or {@code KILL:42:RESTORE} with the operation named, as {@code -Draftops.faults.run} takes it. */
    public static FaultRun parse(String text) {
        String[] parts = text.split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("-Draftops.faults.run=" + text
                    + ": expected FAULT:SEED or FAULT:SEED:OPERATION, e.g. KILL:42 or KILL:42:RESTORE");
        }
        Fault fault = Fault.valueOf(parts[0].trim());
        long seed = Long.parseLong(parts[1].trim());
        return parts.length == 2 ? of(fault, seed) : of(fault, seed, Operation.valueOf(parts[2].trim()));
    }

    /** The random choices of the fault itself, apart from those that chose the run. */
    Random faultRandom() {
        return new Random(seed * 7919 + fault.ordinal());
    }

    public String name() {
        return fault + ":" + seed + (operation == Operation.RESTORE ? ":RESTORE" : "");
    }

    @Override
    public String toString() {
        return name() + " (" + operation + ", after " + point + " trace lines)";
    }
}
