package dev.raftops.controller.cli;

import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The member table's rows: from {@code status.members[]} ({@code name, ordinal, version, ready,
 * leading, voter, lag, sealed}) when the status has that list, else from the pods.
 */
final class StatusMembers {

    private StatusMembers() {
    }

    /** The rows of {@code status.members}, or null when the status has no such list. */
    static List<ClusterReport.Member> fromStatus(Object status) {
        if (!(status instanceof Map<?, ?> s) || !(s.get("members") instanceof List<?> members)) {
            return null;
        }
        List<ClusterReport.Member> out = new ArrayList<>();
        for (Object m : members) {
            if (m instanceof Map<?, ?> member) {
                out.add(new ClusterReport.Member(integer(member.get("ordinal")), string(member.get("name")),
                        string(member.get("version")), flag(member.get("ready")), flag(member.get("leading")),
                        flag(member.get("voter")), number(member.get("lag")), flag(member.get("sealed"))));
            }
        }
        out.sort(Comparator.comparing((ClusterReport.Member m) -> String.valueOf(m.pod())));
        return out;
    }

    static ClusterReport.Member fromPod(PodView pod) {
        Boolean leader = pod.leadership() == Leadership.UNKNOWN ? null : pod.leadership() == Leadership.LEADER;
        return new ClusterReport.Member(pod.ordinal(), pod.name(), pod.version(), pod.ready(), leader, pod.voter(),
                pod.lag(), null);
    }

    private static String string(Object v) {
        return v == null ? null : v.toString();
    }

    private static Boolean flag(Object v) {
        return v instanceof Boolean b ? b : null;
    }

    private static Integer integer(Object v) {
        return v instanceof Number n ? n.intValue() : null;
    }

    private static Long number(Object v) {
        return v instanceof Number n ? n.longValue() : null;
    }
}
