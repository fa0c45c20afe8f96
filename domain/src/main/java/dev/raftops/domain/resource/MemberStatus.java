package dev.raftops.domain.resource;

import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.MemberState;
import dev.raftops.domain.cluster.PodView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One entry of {@code status.members}: what the last observation said about a pod. A fact nobody
 * reported is null (the leading flag of a pod whose probe failed, the voter flag the API does not
 * tell, sealed and initialised in labels mode).
 *
 * @param lastProbeTime when the workload's API was last asked (null in labels mode)
 * @param probeError why the last probe got no answer, or null
 */
public record MemberStatus(String name, int ordinal, String version, boolean ready, Boolean leading, Boolean voter,
        Long lag, Boolean sealed, Boolean initialized, Instant lastProbeTime, String probeError) {

    public MemberStatus {
        Objects.requireNonNull(name, "name");
    }

    /** The entry for {@code pod} as observed. */
    public static MemberStatus of(PodView pod) {
        MemberState m = pod.member();
        Boolean leading = pod.leadership() == Leadership.UNKNOWN ? null : pod.isLeader();
        Boolean voter = m == null || pod.annotations().containsKey("raftops.dev/voter") ? pod.voter() : null;
        return new MemberStatus(pod.name(), pod.ordinal(), pod.version(), pod.ready(), leading, voter, pod.lag(),
                m == null || !m.answered() ? null : m.sealed(), m == null || !m.answered() ? null : m.initialized(),
                m == null ? null : m.probedAt(), m == null ? null : m.error());
    }

    /** {@code pods} as {@code status.members}. */
    public static List<MemberStatus> of(List<PodView> pods) {
        return pods.stream().map(MemberStatus::of).toList();
    }

    /**
     * {@code next}, keeping each entry's {@code lastProbeTime} from {@code previous} while nothing else
     * about the pod changed and the recorded time is younger than {@code refresh}: a probe that learns
     * nothing new costs no status write more often than once per {@code refresh}.
     */
    public static List<MemberStatus> settled(List<MemberStatus> previous, List<MemberStatus> next, Duration refresh) {
        Map<String, MemberStatus> before = previous.stream()
                .collect(Collectors.toMap(MemberStatus::name, Function.identity(), (a, b) -> b));
        return next.stream().map(m -> {
            MemberStatus old = before.get(m.name);
            boolean same = old != null && old.withLastProbeTime(m.lastProbeTime).equals(m);
            boolean fresh = old != null && old.lastProbeTime != null && m.lastProbeTime != null
                    && Duration.between(old.lastProbeTime, m.lastProbeTime).compareTo(refresh) < 0;
            return same && fresh ? old : m;
        }).toList();
    }

    public MemberStatus withLastProbeTime(Instant value) {
        return new MemberStatus(name, ordinal, version, ready, leading, voter, lag, sealed, initialized, value, probeError);
    }
}
