package dev.raftops.sandbox.timeline;

import java.util.List;

/**
 * What the timeline page shows, read off a trace ({@link TimelineReading}): per cluster a lane per
 * pod with its version and Ready spans and where it led, the executor Jobs as spans, the partition as
 * steps and the controller's decisions as ticks; faults across all of them. Times are the trace's
 * milliseconds since the run started.
 */
public record Timeline(long start, long end, List<String> versions, List<Track> tracks, List<Mark> faults) {

    public Timeline {
        versions = List.copyOf(versions);
        tracks = List.copyOf(tracks);
        faults = List.copyOf(faults);
    }

    /** One cluster's rows. */
    public record Track(String cluster, List<Lane> lanes, List<JobSpan> jobs, List<Step> partition, List<Mark> decisions) {

        public Track {
            lanes = List.copyOf(lanes);
            jobs = List.copyOf(jobs);
            partition = List.copyOf(partition);
            decisions = List.copyOf(decisions);
        }
    }

    /** A pod's lane: its life in spans, the moments it became leader and how long it led. */
    public record Lane(String pod, List<PodSpan> spans, List<Long> leaderMarks, List<Interval> leading) {

        public Lane {
            spans = List.copyOf(spans);
            leaderMarks = List.copyOf(leaderMarks);
            leading = List.copyOf(leading);
        }
    }

    /** The pod existed from {@code from} to {@code to} on {@code version}, Ready or not. */
    public record PodSpan(long from, long to, String version, boolean ready) {
    }

    /** An executor Job from its creation to its end; {@code result} null when it never ended in the trace. */
    public record JobSpan(String job, String action, long from, long to, String result) {
    }

    /** The partition took {@code value} at {@code t} on that StatefulSet. */
    public record Step(String statefulSet, long t, long value) {
    }

    public record Interval(long from, long to) {
    }

    /** A moment with words for a person: a fault, or a decision with its reason. */
    public record Mark(long t, String label, String detail) {
    }
}
