package dev.raftops.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad sandbox option, through the shipped command line: one line, exit 2, nothing started. */
class SandboxBadInputTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "sandbox {0}")
    @CsvSource(delimiter = '|', value = {
        "--replicas 0                        | --replicas          | 0",
        "--replicas -1                       | --replicas          | -1",
        "--replicas 16                       | --replicas          | 16",
        "--replicas banana                   | --replicas          | banana",
        "--strategy Foo                      | --strategy          | Foo",
        "--scenario rollback                 | --scenario          | rollback",
        "--scenario restart --strategy BlueGreen | --scenario      | restart",
        "--leader 9 --replicas 3             | --leader            | 9",
        "--leader -1                         | --leader            | -1",
        "--pod-ready-timeout banana          | --pod-ready-timeout | banana",
        "--pod-ready-timeout 0s              | --pod-ready-timeout | 0s",
        "--ready-delay -5                    | --ready-delay       | -5",
        "--timeout 0                         | --timeout           | 0",
        "--then-blue-green garbage           | --then-blue-green   | garbage",
        "--to 2.4                            | --to                | 2.4",
        "--from 2.4.x                        | --from              | 2.4.x",
        "--fault disk-full@1                 | --fault             | disk-full@1",
        "--fault pod-never-ready@3           | --fault             | pod-never-ready@3",
        "--fault controller-crash@0          | --fault             | controller-crash@0",
        "--log /nonexistent/dir/x.log        | --log               | /nonexistent/dir/x.log",
        "--bogus                             | --bogus             | --bogus"})
    void aBadOptionIsOneLineNamingTheOptionAndItsValueWithExitTwoAndNothingStarted(String options, String option,
            String value) {
        Path trace = dir.resolve("trace.jsonl");
        List<String> args = new ArrayList<>(List.of("sandbox", "--trace", trace.toString()));
        args.addAll(List.of(options.split(" ")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = RaftopsCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute(args.toArray(String[]::new));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).as(err.toString()).singleElement().asString().startsWith("raftops sandbox: ")
                .contains(option).contains(value).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).as("nothing started, nothing printed").isEmpty();
        assertThat(trace).as("the simulated cluster never started (it opens the trace)").doesNotExist();
    }

    @ParameterizedTest(name = "sandbox --trace {0}")
    @CsvSource({"/nonexistent/dir/x.jsonl", "."})
    void aTraceThatCannotBeWrittenIsRefusedBeforeTheStart(String trace) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = RaftopsCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("sandbox", "--trace", trace);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().contains("--trace").contains(trace)
                .contains("writable directory");
        assertThat(out.toString()).isEmpty();
    }
}
