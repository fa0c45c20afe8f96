package dev.raftops.acceptance.faults;

import dev.raftops.simulator.check.InvariantChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks every fault run passes, each a pure function of the cluster's trace or the API
 * server's audit, each violation one sentence: the invariant checker holds; no ordinal restarted
 * twice for one target; no executor Job created twice for one step (a Job's name is its step's);
 * nothing disruptive after a named stop; no write of a fenced leader succeeded.
 */
final class RunChecks {

    /** What changes the cluster: the StatefulSet, its pods, the Service's selector, executor Jobs. */
    static final List<String> DISRUPTIVE = List.of("pod.deleted", "sts.partition", "sts.template", "sts.created",
            "sts.deleted", "service.selector", "job.created");
    private static final Pattern ORDINAL = Pattern.compile("\"ordinal\":(\\d+)");
    private static final Pattern JOB = Pattern.compile("\"job\":\"([^\"]+)\"");
    private static final Pattern POD = Pattern.compile("\"pod\":\"([^\"]+)\"");

    private RunChecks() {
    }

    static List<String> invariants(List<String> lines) {
        return InvariantChecker.check(lines).stream().map(v -> "invariant: " + v).toList();
    }

    /** A pod (StatefulSet and ordinal) deleted twice: one target restarted it twice. */
    static List<String> restartsOnce(List<String> lines) {
        Map<String, Integer> deletions = new TreeMap<>();
        for (String line : lines) {
            if (isKind(line, "pod.deleted")) {
                deletions.merge(group(POD, line) + "#" + group(ORDINAL, line), 1, Integer::sum);
            }
        }
        List<String> out = new ArrayList<>();
        deletions.forEach((pod, n) -> {
            if (n > 1) {
                out.add("pod " + pod.substring(0, pod.indexOf('#')) + " restarted " + n + " times for one target");
            }
        });
        return out;
    }

    /** A Job name created twice (deleted in between): one executor step run twice. */
    static List<String> jobsOnce(List<String> lines) {
        Map<String, Integer> created = new TreeMap<>();
        for (String line : lines) {
            if (isKind(line, "job.created")) {
                created.merge(group(JOB, line), 1, Integer::sum);
            }
        }
        List<String> out = new ArrayList<>();
        created.forEach((job, n) -> {
            if (n > 1) {
                out.add("executor Job " + job + " created " + n + " times for one step");
            }
        });
        return out;
    }

    /** Disruptive lines from index {@code stoppedAt} on: the operation stopped, yet something changed. */
    static List<String> quietAfter(List<String> lines, int stoppedAt, String condition) {
        return lines.subList(Math.min(stoppedAt, lines.size()), lines.size()).stream()
                .filter(l -> DISRUPTIVE.stream().anyMatch(k -> isKind(l, k)))
                .map(l -> "after the stop (" + condition + "): " + l).toList();
    }

    /** Writes of the fenced token that the API server accepted after {@code fromNanos}. */
    static List<String> fenced(List<ApiAudit.Entry> audit, String token, long fromNanos) {
        if (fromNanos < 0) {
            return List.of();
        }
        return audit.stream().filter(e -> e.token().equals(token) && e.write() && e.succeeded()
                && e.nanos() > fromNanos).map(e -> "fence: " + token + " wrote after it lost the Lease: " + e).toList();
    }

    static boolean isKind(String line, String kind) {
        return line.contains("\"kind\":\"" + kind + "\"");
    }

    private static String group(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        return m.find() ? m.group(1) : "?";
    }
}
