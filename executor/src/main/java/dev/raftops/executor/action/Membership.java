package dev.raftops.executor.action;

import dev.raftops.executor.ActionFailure;
import dev.raftops.executor.Environment;
import dev.raftops.executor.openbao.AutopilotState;
import dev.raftops.executor.openbao.Members;
import dev.raftops.executor.openbao.OpenBaoApi;
import dev.raftops.executor.openbao.RaftServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The blue/green membership actions over one Raft configuration spanning both colours. A Raft
 * server id is the pod's name (the workload's {@code node_id}); a colour's pods are the members of
 * {@code RAFTOPS_PODS} named {@code <statefulSet>-<ordinal>}. Promote and demote are asynchronous
 * under autopilot, so each waits until the configuration shows the voter flag flipped.
 */
public record Membership(String name, String blueSet, String greenSet, long maxLagEntries) implements Action {

    static Membership from(String name, Environment env) {
        return new Membership(name, env.required("RAFTOPS_BLUE_STATEFUL_SET"), env.required("RAFTOPS_GREEN_STATEFUL_SET"),
                env.number("RAFTOPS_MAX_LAG_ENTRIES", 0, 0));
    }

    @Override
    public String run(ActionContext c) {
        List<String> blue = c.api().members().of(blueSet);
        List<String> green = c.api().members().of(greenSet);
        if (blue.isEmpty() || green.isEmpty()) {
            throw ActionFailure.refused("RAFTOPS_PODS " + c.api().members().pods() + " must name pods of both " + blueSet
                    + " and " + greenSet);
        }
        return switch (name) {
            case "join-green" -> joinGreen(c, green);
            case "wait-synced" -> waitSynced(c, green);
            case "promote-green" -> setVoters(c, green, true, "promote");
            case "demote-blue" -> demoteBlue(c, blue, green);
            case "repair-consensus" -> repair(c, blue, green);
            case "remove-blue-peers" -> remove(c, blueSet);
            default -> remove(c, greenSet);
        };
    }

    private String joinGreen(ActionContext c, List<String> green) {
        String leader = c.leader();
        String address = c.api().members().base(leader);
        List<String> joined = new ArrayList<>();
        for (String pod : green) {
            if (!inConfiguration(c, leader).containsKey(pod)) {
                if (!c.api().join(pod, address, c.caPem(), true)) {
                    throw ActionFailure.retryable(pod + " answered joined: false to joining " + address);
                }
                joined.add(pod);
            }
        }
        c.until("every green pod is in the Raft configuration", () -> Optional.of(true)
                .filter(x -> inConfiguration(c, c.leader()).keySet().containsAll(green)));
        c.facts().put("joined", joined);
        c.facts().put("leader", leader);
        return joined.isEmpty() ? "every green pod had already joined" : "joined " + joined + " as non-voters through " + leader;
    }

    private String waitSynced(ActionContext c, List<String> green) {
        Map<String, Long> lag = new LinkedHashMap<>();
        c.until("every green server is within " + maxLagEntries + " entries of the leader", () -> {
            AutopilotState state = c.api().autopilot(c.leader());
            long target = state.leaderIndex();
            lag.clear();
            for (String pod : green) {
                lag.put(pod, state.servers().containsKey(pod) ? target - state.servers().get(pod).lastIndex() : null);
            }
            c.facts().put("lag", new LinkedHashMap<>(lag));
            return lag.values().stream().allMatch(l -> l != null && l <= maxLagEntries) ? Optional.of(true) : Optional.empty();
        });
        return "every green server is within " + maxLagEntries + " entries of the leader: " + lag;
    }

    /** Promotes (or demotes) each of {@code pods} not yet so, then waits until the configuration agrees. */
    private String setVoters(ActionContext c, List<String> pods, boolean voter, String verb) {
        String leader = c.leader();
        Map<String, RaftServer> config = inConfiguration(c, leader);
        List<String> changed = new ArrayList<>();
        for (String pod : pods) {
            RaftServer s = config.get(pod);
            if (s == null) {
                throw ActionFailure.refused(pod + " is not in the Raft configuration; join it first");
            }
            if (s.voter() != voter) {
                c.api().membership(leader, verb, pod);
                changed.add(pod);
            }
        }
        waitVoters(c, pods, voter);
        c.facts().put(verb + "d", changed);
        return changed.isEmpty() ? "every one of " + pods + " already " + (voter ? "votes" : "does not vote")
                : verb + "d " + changed;
    }

    private void waitVoters(ActionContext c, List<String> pods, boolean voter) {
        c.until("the configuration shows " + pods + (voter ? " voting" : " not voting"), () -> {
            Map<String, RaftServer> config = inConfiguration(c, c.leader());
            return pods.stream().allMatch(p -> config.containsKey(p) && config.get(p).voter() == voter)
                    ? Optional.of(true) : Optional.empty();
        });
    }

    /** Green voters in, leadership moved to green (a blue leader steps down once the other blue voters left), blue demoted. */
    private String demoteBlue(ActionContext c, List<String> blue, List<String> green) {
        Map<String, RaftServer> config = inConfiguration(c, c.leader());
        for (String pod : green) {
            if (!config.containsKey(pod) || !config.get(pod).voter()) {
                throw ActionFailure.refused(pod + " is not a voter yet; promote-green first");
            }
        }
        String leader = handOver(c, blue, green);
        setVoters(c, blue, false, "demote");
        c.facts().put("leader", leader);
        return "blue demoted; " + leader + " (green) leads";
    }

    /** Promotes blue back, hands leadership to blue, demotes green: the rollback's consensus repair. */
    private String repair(ActionContext c, List<String> blue, List<String> green) {
        setVoters(c, blue, true, "promote");
        String leader = handOver(c, green, blue);
        setVoters(c, green, false, "demote");
        c.facts().put("leader", leader);
        return "blue votes again and " + leader + " leads; green demoted";
    }

    /** When a pod of {@code from} leads: demote the other {@code from} voters, step it down, wait for a {@code to} leader. */
    private String handOver(ActionContext c, List<String> from, List<String> to) {
        String leader = c.leader();
        if (to.contains(leader)) {
            return leader;
        }
        List<String> others = new ArrayList<>(from);
        others.remove(leader);
        Map<String, RaftServer> config = inConfiguration(c, leader);
        for (String pod : others) {
            if (config.containsKey(pod) && config.get(pod).voter()) {
                c.api().membership(leader, "demote", pod);
            }
        }
        waitVoters(c, others.stream().filter(config::containsKey).toList(), false);
        c.log().info("asking " + leader + " to step down so that " + to + " can lead");
        c.api().stepDown(leader);
        String next = c.until("a pod of " + to + " leads", () -> c.api().leader().filter(to::contains));
        c.facts().put("previousLeader", leader);
        return next;
    }

    private String remove(ActionContext c, String statefulSet) {
        String leader = c.leader();
        if (Members.podOf(leader, statefulSet)) {
            throw ActionFailure.refused(leader + " of " + statefulSet + " leads; move leadership before removing its peers");
        }
        List<String> removed = new ArrayList<>();
        for (RaftServer s : inConfiguration(c, leader).values()) {
            if (Members.podOf(s.nodeId(), statefulSet)) {
                c.api().membership(leader, "remove-peer", s.nodeId());
                removed.add(s.nodeId());
            }
        }
        c.until("no server of " + statefulSet + " is in the configuration", () -> Optional.of(true).filter(x ->
                inConfiguration(c, c.leader()).keySet().stream().noneMatch(id -> Members.podOf(id, statefulSet))));
        c.facts().put("removed", removed);
        return removed.isEmpty() ? "no server of " + statefulSet + " was left in the configuration" : "removed " + removed;
    }

    private static Map<String, RaftServer> inConfiguration(ActionContext c, String leader) {
        OpenBaoApi api = c.api();
        Map<String, RaftServer> out = new LinkedHashMap<>();
        api.configuration(leader).forEach(s -> out.put(s.nodeId(), s));
        return out;
    }
}
