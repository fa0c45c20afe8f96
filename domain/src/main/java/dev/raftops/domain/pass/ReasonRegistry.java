package dev.raftops.domain.pass;

import dev.raftops.domain.backup.BackupReasons;
import dev.raftops.domain.bluegreen.BlueGreenReasons;
import dev.raftops.domain.gates.GateReasons;
import dev.raftops.domain.restore.RestoreReasons;
import dev.raftops.domain.rolling.RollingReasons;
import dev.raftops.domain.version.UpgradeVerdict;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every reason raftops sets on a condition, an Event or a failure, by the class that declares it:
 * one {@code *Reasons} class per family, the gates and the pass, and the version verdicts. A new
 * reason is a constant in one of these classes; the reference docs must list it (a test reads this
 * registry). Blue/green phase reasons ({@code BlueGreen<Phase>}) are derived from the phase names.
 */
public final class ReasonRegistry {

    /** The classes whose public static String constants are reasons. */
    public static final List<Class<?>> DECLARING_CLASSES = List.of(GateReasons.class, PassReasons.class,
            RollingReasons.class, BlueGreenReasons.class, BackupReasons.class, RestoreReasons.class,
            UpgradeVerdict.class);

    private ReasonRegistry() {
    }

    /** Every declared reason, once. */
    public static SortedSet<String> all() {
        SortedSet<String> reasons = new TreeSet<>();
        for (Class<?> type : DECLARING_CLASSES) {
            reasons.addAll(declaredIn(type));
        }
        return Collections.unmodifiableSortedSet(reasons);
    }

    /** The reasons one class declares: its public static final String fields. */
    public static SortedSet<String> declaredIn(Class<?> type) {
        SortedSet<String> reasons = new TreeSet<>();
        for (Field f : type.getFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                try {
                    reasons.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("public field " + f + " not readable", e);
                }
            }
        }
        return reasons;
    }
}
