package dev.raftops.sandbox.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.sandbox.cli.RaftopsCli;
import dev.raftops.simulator.trace.TraceRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page {@code raftops timeline} writes, loaded in a real browser (headless Chromium): the DOM it
 * builds has a lane per pod of the trace, a leader mark per election on the right lane, a span per
 * executor Job (failed ones marked), a tick per decision and per injected fault; a screenshot is saved.
 * The traces are real sandbox tours (seed 3; seed 5 with a failed backup Job and a conflict).
 */
class TimelinePageBrowserTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void chromium() throws Exception {
        boolean present = new ProcessBuilder("sh", "-c", "command -v chromium").start().waitFor() == 0;
        if (!present) {
            assertThat("true".equals(System.getenv("CI"))).as("chromium is missing; .ci/run installs it").isFalse();
            Assumptions.abort("chromium is not installed (apt-get install chromium)");
        }
    }

    static List<TraceRecord> trace(Path file) throws IOException {
        List<TraceRecord> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            out.add(TraceRecord.parse(i + 1, lines.get(i)));
        }
        return out;
    }

    static Path fixture(String name) throws Exception {
        return Path.of(TimelinePageBrowserTest.class.getResource("/timeline/" + name).toURI());
    }

    static String chromium(Path profile, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1400,900"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    static int count(String dom, String regex) {
        Matcher m = Pattern.compile(regex).matcher(dom);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tour-seed-3.jsonl", "faults-seed-5.jsonl"})
    void theBrowserShowsALanePerPodTheLeaderMarksAndTheJobsOfTheTrace(String name) throws Exception {
        Path traceFile = fixture(name);
        Path page = dir.resolve(name + ".html");
        StringWriter out = new StringWriter();
        int code = RaftopsCli.commandLine().setOut(new PrintWriter(out))
                .execute("timeline", traceFile.toString(), "-o", page.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("timeline written to " + page.toAbsolutePath());

        Path shot = dir.resolve(name + ".png");
        chromium(dir.resolve("profile-shot-" + name), "--screenshot=" + shot, page.toUri().toString());
        assertThat(shot).isRegularFile();
        assertThat(Files.size(shot)).isGreaterThan(10_000);
        // kept for a person to look at (docs/images/timeline.png is the seed-3 one)
        Files.copy(shot, Path.of("target", "timeline-" + name.replace(".jsonl", ".png")),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String dom = chromium(dir.resolve("profile-dom-" + name), "--dump-dom", page.toUri().toString());

        List<TraceRecord> trace = trace(traceFile);
        TreeSet<String> pods = new TreeSet<>();
        Map<String, Integer> leads = new TreeMap<>();
        TreeSet<String> jobs = new TreeSet<>();
        int failedJobs = 0;
        int decisions = 0;
        int faults = 0;
        for (TraceRecord r : trace) {
            switch (r.kind()) {
                case "pod.created" -> pods.add(r.string("pod"));
                case "raft.leader" -> {
                    if (r.string("pod") != null) {
                        leads.merge(r.string("pod"), 1, Integer::sum);
                    }
                }
                case "job.created" -> jobs.add(r.string("job"));
                case "job.finished" -> failedJobs += "failed".equals(r.string("result")) ? 1 : 0;
                case "decision" -> decisions++;
                case "fault" -> faults += TimelineReading.injected(r) ? 1 : 0;
                default -> { }
            }
        }
        assertThat(pods).isNotEmpty();
        assertThat(jobs).isNotEmpty();

        TreeSet<String> lanes = new TreeSet<>();
        Matcher lane = Pattern.compile("<g class=\"lane\" data-pod=\"([^\"]+)\">(.*?)</g>", Pattern.DOTALL).matcher(dom);
        Map<String, Integer> marks = new TreeMap<>();
        while (lane.find()) {
            lanes.add(lane.group(1));
            int n = count(lane.group(2), "<circle class=\"leader-mark\"");
            if (n > 0) {
                marks.put(lane.group(1), n);
            }
        }
        assertThat(lanes).as("lanes").isEqualTo(pods);
        assertThat(marks).as("leader marks per lane").isEqualTo(leads);
        TreeSet<String> jobSpans = new TreeSet<>();
        Matcher job = Pattern.compile("<rect class=\"job [^\"]*\"[^>]*data-job=\"([^\"]+)\"").matcher(dom);
        while (job.find()) {
            jobSpans.add(job.group(1));
        }
        assertThat(jobSpans).as("job spans").isEqualTo(jobs);
        assertThat(count(dom, "<rect class=\"job [^\"]*failed\"")).as("failed jobs").isEqualTo(failedJobs);
        assertThat(count(dom, "<line class=\"decision\"")).as("decision ticks").isEqualTo(decisions);
        assertThat(count(dom, "<line class=\"fault\"")).as("fault marks").isEqualTo(faults);
        assertThat(count(dom, "<polyline class=\"partition\"")).isPositive();
        assertThat(Files.readString(page)).as("self-contained").doesNotContain("<script").doesNotContain("src=")
                .doesNotContain("href=").doesNotContain("@import").doesNotContain("url(");
    }
}
