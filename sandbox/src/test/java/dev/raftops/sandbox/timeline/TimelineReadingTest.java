package dev.raftops.sandbox.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.trace.TraceRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineReadingTest {

    static Timeline read(String... lines) {
        List<TraceRecord> records = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            records.add(TraceRecord.parse(i + 1, lines[i]));
        }
        return TimelineReading.of(records);
    }

    static String line(long t, String kind, String fields) {
        return "{\"t\":" + t + ",\"kind\":\"" + kind + "\",\"cluster\":\"ns/db\"" + (fields.isEmpty() ? "" : "," + fields)
                + "}";
    }

    @Test
    void aPodsLaneSplitsAtReadyAndEndsWhenThePodIsDeleted() {
        Timeline t = read(line(0, "run.start", ""), line(100, "pod.created", "\"pod\":\"db-0\",\"version\":\"2.4.0\""),
                line(300, "pod.ready", "\"pod\":\"db-0\",\"version\":\"2.4.0\""),
                line(900, "pod.deleted", "\"pod\":\"db-0\",\"version\":\"2.4.0\""),
                line(1000, "pod.created", "\"pod\":\"db-0\",\"version\":\"2.4.4\""), line(1200, "run.end", ""));
        assertThat(t.tracks().get(0).lanes().get(0).spans()).containsExactly(
                new Timeline.PodSpan(100, 300, "2.4.0", false), new Timeline.PodSpan(300, 900, "2.4.0", true),
                new Timeline.PodSpan(1000, 1200, "2.4.4", false));
        assertThat(t.versions()).containsExactly("2.4.0", "2.4.4");
    }

    @Test
    void leadershipMovingEndsThePreviousLeadersInterval() {
        Timeline t = read(line(0, "pod.created", "\"pod\":\"db-0\",\"version\":\"a\""),
                line(0, "pod.created", "\"pod\":\"db-1\",\"version\":\"a\""),
                line(100, "raft.leader", "\"pod\":\"db-0\""), line(500, "raft.leader", "\"pod\":\"db-1\""),
                line(800, "run.end", ""));
        List<Timeline.Lane> lanes = t.tracks().get(0).lanes();
        assertThat(lanes.get(0).leading()).containsExactly(new Timeline.Interval(100, 500));
        assertThat(lanes.get(1).leaderMarks()).containsExactly(500L);
        assertThat(lanes.get(1).leading()).containsExactly(new Timeline.Interval(500, 800));
    }

    @Test
    void aJobThatNeverFinishedRunsToTheEndOfTheTrace() {
        Timeline t = read(line(0, "pod.created", "\"pod\":\"db-0\",\"version\":\"a\""),
                line(200, "job.created", "\"job\":\"j\",\"action\":\"backup\""), line(700, "run.end", ""));
        assertThat(t.tracks().get(0).jobs()).containsExactly(new Timeline.JobSpan("j", "backup", 200, 700, null));
    }

    @Test
    void theRuntimeSayingItPlaysNoFaultIsNotAFault() {
        Timeline t = read(line(0, "fault", "\"fault\":\"runtime\",\"faults\":\"\""),
                line(10, "fault", "\"fault\":\"conflict\",\"write\":4"), line(20, "run.end", ""));
        assertThat(t.faults()).extracting(Timeline.Mark::label).containsExactly("conflict");
    }
}
