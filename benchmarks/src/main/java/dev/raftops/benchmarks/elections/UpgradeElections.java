package dev.raftops.benchmarks.elections;

import dev.raftops.simulator.run.RunResult;
import dev.raftops.simulator.trace.TraceRecord;
import java.util.HashMap;
import java.util.Map;

/**
 * What one simulated upgrade cost in leader elections, read from its trace: every leadership change
 * after the starting leader (each a short write outage), the step-down Jobs, those asked of a pod
 * that did not lead at that moment ("may lead"), and the elections that chose a pod still on the old
 * version (it will be rolled, so it will have to step down again).
 */
record UpgradeElections(int elections, int stepDownJobs, int stepDownsOfAFollower, int ontoAPodStillToRoll) {

    static UpgradeElections of(RunResult run) {
        String from = run.scenario().fromVersion();
        Map<Integer, String> versions = new HashMap<>();
        Integer leader = null;
        boolean first = true;
        int elections = 0;
        int jobs = 0;
        int ofFollower = 0;
        int stillToRoll = 0;
        for (String text : run.trace()) {
            TraceRecord line = TraceRecord.parse(0, text);
            switch (line.kind()) {
                case "pod.created" -> versions.put(line.optionalInt("ordinal"), line.string("version"));
                case "raft.leader" -> {
                    if (line.flag("splitBrain")) {
                        continue;
                    }
                    leader = line.optionalInt("ordinal");
                    if (leader != null && !first) {
                        elections++;
                        stillToRoll += from.equals(versions.get(leader)) ? 1 : 0;
                    }
                    first &= leader == null;
                }
                case "job.created" -> {
                    if ("step-down".equals(line.string("action"))) {
                        jobs++;
                        ofFollower += target(line.string("job")) == (leader == null ? -1 : leader) ? 0 : 1;
                    }
                }
                default -> { }
            }
        }
        return new UpgradeElections(elections, jobs, ofFollower, stillToRoll);
    }

    /** The ordinal a step-down Job names: {@code <statefulSet>-step-down-<ordinal>-...}. */
    private static int target(String job) {
        String rest = job.substring(job.indexOf("-step-down-") + "-step-down-".length());
        return Integer.parseInt(rest.substring(0, rest.indexOf('-')));
    }
}
