package dev.raftops.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code raftops timeline} through the shipped command line: a user's mistake is one line and exit 2. */
class TimelineCommandTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return RaftopsCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void aMissingTraceFileIsOneLineAndExitTwo() {
        assertThat(run("timeline", dir.resolve("nope.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("raftops timeline: no trace file at " + dir.resolve("nope.jsonl")
                + System.lineSeparator());
    }

    @Test
    void aLineThatIsNotOfTheTraceFormatIsNamedByItsNumber() throws Exception {
        Path trace = Files.writeString(dir.resolve("t.jsonl"),
                "{\"t\":0,\"kind\":\"run.start\",\"cluster\":\"a/b\"}\nnot json\n");
        assertThat(run("timeline", trace.toString(), "-o", dir.resolve("t.html").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("raftops timeline: " + trace + ":2: not a trace line")
                .hasLineCount(1);
        assertThat(dir.resolve("t.html")).doesNotExist();
    }

    @Test
    void withoutAnOutputThePageGoesBesideTheTrace() throws Exception {
        Path trace = Files.writeString(dir.resolve("run.jsonl"), "{\"t\":0,\"kind\":\"pod.created\",\"cluster\":\"a/b\","
                + "\"pod\":\"b-0\",\"ordinal\":0,\"version\":\"2.4.0\",\"revision\":\"r\"}\n"
                + "{\"t\":900,\"kind\":\"pod.ready\",\"cluster\":\"a/b\",\"pod\":\"b-0\",\"ordinal\":0,\"version\":\"2.4.0\"}\n");
        assertThat(run("timeline", trace.toString())).isZero();
        assertThat(Files.readString(dir.resolve("run.html"))).contains("data-pod=\"b-0\"");
    }
}
