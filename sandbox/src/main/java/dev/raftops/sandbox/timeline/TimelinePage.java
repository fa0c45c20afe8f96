package dev.raftops.sandbox.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The timeline as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched. Every
 * drawn thing carries a class the page's test counts ({@code lane}, {@code leader-mark}, {@code job},
 * {@code partition}, {@code decision}, {@code fault}) and a {@code <title>} a browser shows on hover.
 */
public final class TimelinePage {

    static final int WIDTH = 1380;
    static final int LABEL = 200;
    static final int LANE = 20;
    static final int GAP = 4;
    static final int PARTITION = 50;
    static final String[] PALETTE = {"#4e79a7", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#9c755f"};

    private final Timeline timeline;
    private final Svg svg = new Svg();
    private int y = 30;

    private TimelinePage(Timeline timeline) {
        this.timeline = timeline;
    }

    public static String render(Timeline timeline, String title) {
        return new TimelinePage(timeline).html(title);
    }

    private String html(String title) {
        axis();
        timeline.tracks().forEach(this::track);
        faults();
        StringBuilder legend = new StringBuilder();
        for (String v : timeline.versions()) {
            legend.append("<span class=\"version\"><i style=\"background:").append(colour(v)).append("\"></i>")
                    .append(Svg.escape(v)).append("</span>");
        }
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Svg.escape(title)
                + "</title>\n<style>" + CSS + "</style></head>\n<body><h1>" + Svg.escape(title) + "</h1>\n"
                + "<p class=\"legend\">" + legend + "<span class=\"version\"><i class=\"unready\"></i>not Ready</span>"
                + "<span class=\"version\"><b>&#9679;</b> becomes leader</span>"
                + "<span class=\"version\"><i class=\"faultkey\"></i>fault</span>"
                + "<span class=\"hint\">hover a mark for details</span></p>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + (y + 10)
                + "\" viewBox=\"0 0 " + WIDTH + " " + (y + 10) + "\">\n" + svg + "</svg>\n</body></html>\n";
    }

    private double x(long t) {
        double span = Math.max(1, timeline.end() - timeline.start());
        return LABEL + (t - timeline.start()) * (WIDTH - LABEL - 20) / span;
    }

    private String colour(String version) {
        int i = timeline.versions().indexOf(version);
        return i < 0 ? "#bbbbbb" : PALETTE[i % PALETTE.length];
    }

    private void axis() {
        long seconds = (timeline.end() - timeline.start()) / 1000;
        long every = seconds <= 20 ? 1 : seconds <= 60 ? 5 : seconds <= 300 ? 30 : 60;
        for (long s = 0; s <= seconds; s += every) {
            double x = x(timeline.start() + s * 1000);
            svg.line("grid", x, 18, x, 100_000).text("axis", x, 14, s + " s");
        }
    }

    private void track(Timeline.Track track) {
        svg.text("cluster", 4, y + 12, track.cluster());
        y += 20;
        for (Timeline.Lane lane : track.lanes()) {
            svg.open("g", "lane", "data-pod", lane.pod()).text("pod", 8, y + 14, lane.pod());
            for (Timeline.PodSpan s : lane.spans()) {
                svg.rect(s.ready() ? "span ready" : "span unready", x(s.from()), y, x(s.to()) - x(s.from()), LANE,
                        colour(s.version()), lane.pod() + " " + s.version() + (s.ready() ? " Ready" : " not Ready")
                                + " from " + secs(s.from()) + " to " + secs(s.to()));
            }
            for (Timeline.Interval lead : lane.leading()) {
                svg.rect("leading", x(lead.from()), y + LANE - 4, x(lead.to()) - x(lead.from()), 4, "#222222",
                        lane.pod() + " leads from " + secs(lead.from()) + " to " + secs(lead.to()));
            }
            for (long t : lane.leaderMarks()) {
                svg.circle("leader-mark", x(t), y + LANE / 2.0, 5, lane.pod() + " becomes leader at " + secs(t));
            }
            svg.close("g");
            y += LANE + GAP;
        }
        jobs(track.jobs());
        partition(track.partition());
        decisions(track.decisions());
        y += 14;
    }

    private void jobs(List<Timeline.JobSpan> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        svg.text("pod", 8, y + 12, "executor Jobs");
        List<Double> rowEnds = new ArrayList<>();
        for (Timeline.JobSpan job : jobs) {
            double from = x(job.from());
            double to = Math.max(from + 3, x(job.to()));
            int row = 0;
            while (row < rowEnds.size() && rowEnds.get(row) > from) {
                row++;
            }
            if (row == rowEnds.size()) {
                rowEnds.add(to);
            } else {
                rowEnds.set(row, to);
            }
            String cls = "job " + job.action() + ("failed".equals(job.result()) ? " failed" : "");
            svg.rect(cls, from, y + row * 16, to - from, 13, null, job.job() + " (" + job.action() + ") "
                    + (job.result() == null ? "still running" : job.result()) + ", " + secs(job.from()) + " to "
                    + secs(job.to()), "data-job", job.job(), "data-action", job.action());
        }
        y += Math.max(1, rowEnds.size()) * 16 + GAP;
    }

    private void partition(List<Timeline.Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        svg.text("pod", 8, y + 14, "partition");
        long max = steps.stream().mapToLong(Timeline.Step::value).max().orElse(1);
        for (String sts : steps.stream().map(Timeline.Step::statefulSet).distinct().toList()) {
            StringBuilder points = new StringBuilder();
            double lastY = -1;
            for (Timeline.Step s : steps.stream().filter(s -> s.statefulSet().equals(sts)).toList()) {
                double py = y + PARTITION - 6 - (PARTITION - 12) * s.value() / (double) Math.max(1, max);
                if (lastY >= 0) {
                    points.append(fmt(x(s.t()))).append(',').append(fmt(lastY)).append(' ');
                }
                points.append(fmt(x(s.t()))).append(',').append(fmt(py)).append(' ');
                svg.text("step", x(s.t()) + 2, py - 2, Long.toString(s.value()));
                lastY = py;
            }
            points.append(fmt(x(timeline.end()))).append(',').append(fmt(lastY));
            svg.polyline("partition", points.toString().strip(), sts + ": partition over time");
        }
        y += PARTITION + GAP;
    }

    private void decisions(List<Timeline.Mark> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        svg.text("pod", 8, y + 12, "decisions");
        for (Timeline.Mark d : decisions) {
            svg.tick("decision", x(d.t()), y, y + 14, secs(d.t()) + " " + d.detail());
        }
        y += 18;
    }

    private void faults() {
        for (Timeline.Mark f : timeline.faults()) {
            svg.tick("fault", x(f.t()), 18, y, secs(f.t()) + " " + f.label() + ": " + f.detail());
        }
    }

    private String secs(long t) {
        return String.format(Locale.ROOT, "%.1fs", (t - timeline.start()) / 1000.0);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static final String CSS = """
            body{font:13px system-ui,sans-serif;margin:16px;color:#222;background:#fff}
            h1{font-size:16px;margin:0 0 6px}
            .legend .version{margin-right:14px}.legend i{display:inline-block;width:14px;height:10px;margin-right:4px}
            .legend i.unready{background:#999;opacity:.35}.legend i.faultkey{background:#d62728}
            .legend .hint{color:#777}
            svg text{font:11px system-ui,sans-serif;fill:#222}svg text.cluster{font-weight:600;font-size:12px}
            svg text.axis,svg text.step{fill:#777;font-size:10px}
            .grid{stroke:#eee}.span.unready{opacity:.35}.leading{opacity:.9}
            .leader-mark{fill:#111;stroke:#fff;stroke-width:1.5}
            .job{fill:#8c8c8c}.job.step-down{fill:#e15759}.job.backup{fill:#4e79a7}.job.pre-upgrade-snapshot{fill:#76b7b2}
            .job.failed{stroke:#d62728;stroke-width:2;fill-opacity:.5}
            .partition{fill:none;stroke:#333;stroke-width:1.5}
            .decision{stroke:#6a3d9a;stroke-width:2}.fault{stroke:#d62728;stroke-width:2;stroke-dasharray:4 3}
            """;
}
