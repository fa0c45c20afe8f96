package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.StatusMember;
import dev.raftops.domain.resource.MemberStatus;
import java.util.ArrayList;
import java.util.List;

/** {@code status.members} between the domain and the wire form, both ways. */
final class MemberStatusWire {

    private MemberStatusWire() {
    }

    static List<StatusMember> toResource(List<MemberStatus> members) {
        if (members.isEmpty()) {
            return null;
        }
        List<StatusMember> out = new ArrayList<>();
        for (MemberStatus m : members) {
            StatusMember w = new StatusMember();
            w.name = m.name();
            w.ordinal = m.ordinal();
            w.version = m.version();
            w.ready = m.ready();
            w.leading = m.leading();
            w.voter = m.voter();
            w.lag = m.lag();
            w.sealed = m.sealed();
            w.initialized = m.initialized();
            w.lastProbeTime = m.lastProbeTime() == null ? null : m.lastProbeTime().toString();
            w.probeError = m.probeError();
            out.add(w);
        }
        return out;
    }

    /** Entries a person broke (no name) are left out: the next pass writes them again. */
    static List<MemberStatus> fromResource(List<StatusMember> members) {
        List<MemberStatus> out = new ArrayList<>();
        if (members != null) {
            for (StatusMember w : members) {
                if (w != null && w.name != null) {
                    out.add(new MemberStatus(w.name, w.ordinal == null ? 0 : w.ordinal, w.version,
                            Boolean.TRUE.equals(w.ready), w.leading, w.voter, w.lag, w.sealed, w.initialized,
                            Fabric8ClusterObserver.time(w.lastProbeTime), w.probeError));
                }
            }
        }
        return out;
    }
}
