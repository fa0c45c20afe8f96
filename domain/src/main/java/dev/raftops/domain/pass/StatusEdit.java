package dev.raftops.domain.pass;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.resource.ClusterStatus;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A status someone else wrote over raftops's own: the fields that differ from raftops's last write
 * ({@code status.upgrade.currentPartition}), and the Warning Event that names them. raftops keeps
 * deciding from its own record and writes it back (docs/decisions/status-edits.md): a lock holder,
 * a partition, completed ordinals, a break-glass nonce or a blue/green phase typed by hand is never
 * taken for the truth.
 *
 * @param fields the paths that differ, parents before children, at most {@value #SHOWN} shown in the Event
 */
public record StatusEdit(List<String> fields) {

    static final int SHOWN = 5;
    /** Domain component names whose wire path differs. */
    private static final Map<String, String> WIRE = Map.of("lastError", "adminOps.lastError");

    public StatusEdit {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("an edit changes at least one field");
        }
    }

    /** The edit that turned {@code ours} into {@code read}, or empty when they are equal. */
    public static Optional<StatusEdit> between(ClusterStatus ours, ClusterStatus read) {
        if (Objects.equals(ours, read)) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        diff("status", ours, read, out);
        return Optional.of(new StatusEdit(out.isEmpty() ? List.of("status") : out));
    }

    /** The Warning Event: which fields were edited, and that raftops keeps its own record. */
    public ClusterEvent event(ClusterKey cluster) {
        List<String> shown = fields.subList(0, Math.min(SHOWN, fields.size()));
        String more = fields.size() > SHOWN ? " and " + (fields.size() - SHOWN) + " more" : "";
        return ClusterEvent.warning(PassReasons.STATUS_EDITED, String.join(", ", shown) + more
                + " changed by another client; raftops decides from its own last status and writes it back",
                AuditFields.of(cluster.toString(), PassReasons.STATUS_EDITED));
    }

    private static void diff(String path, Object a, Object b, List<String> out) {
        if (Objects.equals(a, b)) {
            return;
        }
        if (a == null || b == null || !a.getClass().isRecord() || a.getClass() != b.getClass()) {
            out.add(path);
            return;
        }
        int before = out.size();
        for (RecordComponent c : a.getClass().getRecordComponents()) {
            String name = path.equals("status") ? WIRE.getOrDefault(c.getName(), c.getName()) : c.getName();
            diff(path + "." + name, value(c, a), value(c, b), out);
        }
        if (out.size() == before) {
            out.add(path);
        } else if (out.size() - before > SHOWN && !path.equals("status")) {
            // more of this part changed than an Event shows (a part read as absent, say): the part is what changed
            out.subList(before, out.size()).clear();
            out.add(path);
        }
    }

    private static Object value(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("record component " + c + " not readable", e);
        }
    }
}
