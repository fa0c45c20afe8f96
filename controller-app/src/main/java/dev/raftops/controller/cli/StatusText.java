package dev.raftops.controller.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code raftops status} as text: a header, the member table, then one labelled line per part. */
final class StatusText {

    private StatusText() {
    }

    static String render(ClusterReport r, boolean ages) {
        StringBuilder s = new StringBuilder();
        s.append("RaftCluster ").append(r.namespace()).append('/').append(r.name()).append(": phase ").append(r.phase())
                .append(", runs ").append(or(r.currentVersion(), "unknown")).append(", spec.version ")
                .append(or(r.specVersion(), "invalid")).append('\n');
        s.append("operation:  ").append(r.operation().summary());
        if (ages && r.operation().since() != null) {
            s.append(", ").append(words(Duration.between(r.operation().since(), r.readAt())));
            if (r.operation().budget() != null) {
                s.append(" of ").append(words(r.operation().budget()));
            }
        }
        s.append(r.operation().rest()).append('\n');
        s.append("lock:       ").append(r.lock()).append('\n');
        s.append("backup:     ").append(r.backup()).append('\n');
        for (ClusterReport.RestoreLine restore : r.restores()) {
            s.append("restore:    ").append(restore.name()).append(' ').append(restore.phase())
                    .append(restore.objectKey() == null ? "" : ", object " + restore.objectKey())
                    .append(restore.failure() == null ? "" : ", " + restore.failure()).append('\n');
        }
        s.append('\n').append("members (from ").append(r.membersFrom()).append("):\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ORDINAL", "POD", "VERSION", "READY", "LEADER", "VOTER", "LAG", "SEALED"});
        for (ClusterReport.Member m : r.members()) {
            rows.add(new String[] {or(m.ordinal(), "?"), or(m.pod(), "?"), or(m.version(), "?"), yes(m.ready()),
                    yes(m.leader()), yes(m.voter()), or(m.lag(), "-"), yes(m.sealed())});
        }
        table(s, rows);
        s.append('\n').append("conditions:\n");
        List<String[]> conditions = new ArrayList<>();
        conditions.add(new String[] {"TYPE", "STATUS", "REASON", "SINCE", "MESSAGE"});
        for (ClusterReport.ConditionLine c : r.conditions()) {
            conditions.add(new String[] {c.type(), c.status(), or(c.reason(), ""), since(c.since(), r.readAt(), ages),
                    or(c.message(), "")});
        }
        table(s, conditions);
        s.append('\n').append("events (newest last):\n");
        if (r.events().isEmpty()) {
            s.append("  none\n");
        }
        for (ClusterReport.EventLine e : r.events()) {
            s.append("  ").append(since(e.at(), r.readAt(), ages)).append("  ").append(or(e.type(), "")).append(' ')
                    .append(or(e.reason(), "")).append(": ").append(or(e.message(), ""))
                    .append(e.count() > 1 ? " (x" + e.count() + ")" : "").append('\n');
        }
        return s.toString();
    }

    private static String since(Instant at, Instant now, boolean ages) {
        if (at == null) {
            return "-";
        }
        return ages ? words(Duration.between(at, now)) + " ago" : OperationWords.seconds(at).toString();
    }

    private static void table(StringBuilder s, List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(i < row.length - 1 ? String.format("%-" + (width[i] + 2) + "s", row[i]) : row[i]);
            }
            s.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** A duration as a person says it: {@code 12 s}, {@code 4 m 10 s}, {@code 10 m}, {@code 2 h 5 m}, {@code 3 d 4 h}. */
    static String words(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " m" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        if (s < 86400) {
            return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " m");
        }
        return s / 86400 + " d" + (s % 86400 / 3600 == 0 ? "" : " " + s % 86400 / 3600 + " h");
    }

    private static String yes(Boolean b) {
        return b == null ? "?" : b ? "yes" : "no";
    }

    private static String or(Object v, String fallback) {
        return v == null ? fallback : v.toString();
    }
}
