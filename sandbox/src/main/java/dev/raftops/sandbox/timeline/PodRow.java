package dev.raftops.sandbox.timeline;

import java.util.ArrayList;
import java.util.List;

/** One pod's lane while the trace is read: the state it is in since when, and what it was before. */
final class PodRow {

    final String pod;
    private final List<Timeline.PodSpan> spans = new ArrayList<>();
    private final List<Long> leaderMarks = new ArrayList<>();
    private final List<Timeline.Interval> leading = new ArrayList<>();
    private boolean alive;
    private boolean ready;
    private String version;
    private long since;
    private Long leadingSince;

    PodRow(String pod) {
        this.pod = pod;
    }

    /** The pod's state from {@code t}: alive or gone, its version (null keeps it), Ready or not. */
    void change(long t, boolean nowAlive, String nowVersion, boolean nowReady) {
        close(t);
        alive = nowAlive;
        version = nowVersion == null ? version : nowVersion;
        ready = nowAlive && nowReady;
        since = t;
    }

    void startLeading(long t) {
        leaderMarks.add(t);
        leadingSince = t;
    }

    void stopLeading(long t) {
        if (leadingSince != null) {
            leading.add(new Timeline.Interval(leadingSince, t));
            leadingSince = null;
        }
    }

    private void close(long t) {
        if (alive && t > since) {
            spans.add(new Timeline.PodSpan(since, t, version, ready));
        }
    }

    Timeline.Lane lane(long end) {
        close(end);
        alive = false;
        stopLeading(end);
        return new Timeline.Lane(pod, spans, leaderMarks, leading);
    }
}
