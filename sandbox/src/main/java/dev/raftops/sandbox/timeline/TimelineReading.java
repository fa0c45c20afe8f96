package dev.raftops.sandbox.timeline;

import dev.raftops.simulator.trace.TraceRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Reads a trace (the project's JSON Lines trace format) into a {@link Timeline}: a pure function of the lines. */
public final class TimelineReading {

    private TimelineReading() {
    }

    public static Timeline of(List<TraceRecord> lines) {
        long start = lines.isEmpty() ? 0 : lines.get(0).t();
        long end = lines.isEmpty() ? 1 : Math.max(start + 1, lines.get(lines.size() - 1).t());
        Map<String, ClusterRows> clusters = new LinkedHashMap<>();
        LinkedHashSet<String> versions = new LinkedHashSet<>();
        List<Timeline.Mark> faults = new ArrayList<>();
        for (TraceRecord line : lines) {
            String cluster = line.string("cluster") == null ? "" : line.string("cluster");
            ClusterRows rows = clusters.computeIfAbsent(cluster, ClusterRows::new);
            long t = line.t();
            switch (line.kind()) {
                case "pod.created" -> {
                    versions.add(line.string("version"));
                    rows.pod(line.string("pod")).change(t, true, line.string("version"), false);
                }
                case "pod.ready" -> rows.pod(line.string("pod")).change(t, true, line.string("version"), true);
                case "pod.unready" -> rows.pod(line.string("pod")).change(t, true, null, false);
                case "pod.deleted" -> {
                    rows.pod(line.string("pod")).change(t, false, null, false);
                    rows.pod(line.string("pod")).stopLeading(t);
                }
                case "raft.leader" -> rows.leader(t, line.string("pod"));
                case "job.created" -> rows.jobs.put(line.string("job"),
                        new Timeline.JobSpan(line.string("job"), line.string("action"), t, end, null));
                case "job.finished" -> rows.jobs.computeIfPresent(line.string("job"),
                        (k, j) -> new Timeline.JobSpan(j.job(), j.action(), j.from(), t, line.string("result")));
                case "sts.partition" -> rows.partition.add(
                        new Timeline.Step(line.string("statefulSet"), t, line.number("value")));
                case "decision" -> rows.decisions.add(new Timeline.Mark(t, line.string("reason"),
                        line.string("condition") + " " + line.string("status") + ": " + line.string("reason")
                                + (line.string("message") == null ? "" : " - " + line.string("message"))));
                case "fault" -> {
                    if (injected(line)) {
                        faults.add(new Timeline.Mark(t, line.string("fault"), detail(line)));
                    }
                }
                default -> {
                }
            }
        }
        List<Timeline.Track> tracks = clusters.values().stream().filter(r -> !r.pods.isEmpty() || !r.jobs.isEmpty())
                .map(r -> r.track(end)).toList();
        return new Timeline(start, end, List.copyOf(versions), tracks, faults);
    }

    /** A fault line, except the runtime saying it now plays no fault (a healed pod, or none asked for). */
    static boolean injected(TraceRecord line) {
        return !("runtime".equals(line.string("fault")) && "".equals(line.string("faults")));
    }

    private static String detail(TraceRecord line) {
        StringBuilder out = new StringBuilder();
        line.fields().forEach((k, v) -> {
            if (!k.equals("t") && !k.equals("kind")) {
                out.append(out.isEmpty() ? "" : ", ").append(k).append('=').append(v);
            }
        });
        return out.toString();
    }

    /** The rows of one cluster while the trace is read. */
    private static final class ClusterRows {

        final String cluster;
        final Map<String, PodRow> pods = new LinkedHashMap<>();
        final Map<String, Timeline.JobSpan> jobs = new LinkedHashMap<>();
        final List<Timeline.Step> partition = new ArrayList<>();
        final List<Timeline.Mark> decisions = new ArrayList<>();
        String leader;

        ClusterRows(String cluster) {
            this.cluster = cluster;
        }

        PodRow pod(String name) {
            return pods.computeIfAbsent(name, PodRow::new);
        }

        void leader(long t, String pod) {
            if (leader != null && pods.containsKey(leader)) {
                pods.get(leader).stopLeading(t);
            }
            leader = pod;
            if (pod != null) {
                pod(pod).startLeading(t);
            }
        }

        Timeline.Track track(long end) {
            List<Timeline.Lane> lanes = pods.values().stream().sorted(Comparator.comparing((PodRow p) -> prefix(p.pod))
                    .thenComparingInt(p -> ordinal(p.pod))).map(p -> p.lane(end)).toList();
            return new Timeline.Track(cluster, lanes, List.copyOf(jobs.values()), partition, decisions);
        }

        private static String prefix(String pod) {
            int dash = pod.lastIndexOf('-');
            return dash < 0 ? pod : pod.substring(0, dash);
        }

        private static int ordinal(String pod) {
            try {
                return Integer.parseInt(pod.substring(pod.lastIndexOf('-') + 1));
            } catch (NumberFormatException e) {
                return Integer.MAX_VALUE;
            }
        }
    }
}
