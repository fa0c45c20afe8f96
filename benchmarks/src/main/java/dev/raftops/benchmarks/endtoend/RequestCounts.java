package dev.raftops.benchmarks.endtoend;

import dev.raftops.benchmarks.endtoend.ApiRequest.Actor;
import dev.raftops.benchmarks.endtoend.ApiRequest.Verb;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The controller's requests of one window: reads, watches and writes, with writes by method and resource. */
record RequestCounts(long reads, long watches, long writes, long conflicts, Map<String, Long> writesByKind,
        Map<String, Long> readsByKind, Map<String, Long> conflictsByKind) {

    static RequestCounts of(List<ApiRequest> window, Actor actor) {
        long reads = 0;
        long watches = 0;
        long writes = 0;
        long conflicts = 0;
        Map<String, Long> byKind = new TreeMap<>();
        Map<String, Long> readsByKind = new TreeMap<>();
        Map<String, Long> conflictsByKind = new TreeMap<>();
        for (ApiRequest r : window) {
            if (r.actor() != actor) {
                continue;
            }
            if (r.verb() == Verb.WATCH) {
                watches++;
            } else if (r.verb() == Verb.READ) {
                reads++;
                readsByKind.merge(r.kind(), 1L, Long::sum);
            } else {
                writes++;
                byKind.merge(r.method() + " " + r.kind(), 1L, Long::sum);
                if (r.code() == 409) {
                    conflicts++;
                    conflictsByKind.merge(r.method() + " " + r.kind(), 1L, Long::sum);
                }
            }
        }
        return new RequestCounts(reads, watches, writes, conflicts, byKind, readsByKind, conflictsByKind);
    }

    @Override
    public String toString() {
        return "reads=" + reads + " " + readsByKind + " watches=" + watches + " writes=" + writes + " (409: "
                + conflicts + " " + conflictsByKind + ") " + writesByKind;
    }
}
