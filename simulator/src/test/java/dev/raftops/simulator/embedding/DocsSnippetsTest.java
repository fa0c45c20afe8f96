package dev.raftops.simulator.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/embedding.md} shows the code of {@link EmbeddingExampleTest}: every snippet between
 * {@code // tag::name[]} and {@code // end::name[]} in the document must equal the test's code
 * between the same markers (indentation aside), so the guide cannot show code that does not compile.
 */
class DocsSnippetsTest {

    static final Path MODULE = Path.of(System.getProperty("user.dir"));
    static final Path GUIDE = MODULE.resolve("../docs/embedding.md").normalize();
    static final Path EXAMPLE = MODULE.resolve("src/test/java/dev/raftops/simulator/embedding/EmbeddingExampleTest.java");
    static final List<String> TAGS = List.of("ports", "service", "decide", "property");

    @Test
    void everySnippetOfTheEmbeddingGuideIsTheTestedCode() throws IOException {
        String guide = Files.readString(GUIDE);
        String example = Files.readString(EXAMPLE);
        for (String tag : TAGS) {
            assertThat(snippet(guide, tag)).as("snippet %s of %s", tag, GUIDE).isEqualTo(snippet(example, tag));
        }
    }

    @Test
    void theGuideUsesNoSnippetTheTestDoesNotHave() throws IOException {
        Matcher m = Pattern.compile("// tag::([a-z-]+)\\[\\]").matcher(Files.readString(GUIDE));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertThat(found).containsExactlyElementsOf(TAGS);
    }

    @Test
    void aChangedLineIsNoticed() {
        String doc = "// tag::x[]\n    int a = 1;\n// end::x[]\n";
        String code = "        // tag::x[]\n        int a = 2;\n        // end::x[]\n";
        assertThat(snippet(doc, "x")).isNotEqualTo(snippet(code, "x"));
        assertThat(snippet(doc, "x")).isEqualTo(snippet(doc.replace("    int", "            int"), "x"));
    }

    /** The lines between the markers of {@code tag}, with their common indentation removed. */
    static String snippet(String text, String tag) {
        List<String> lines = text.lines().toList();
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals("// tag::" + tag + "[]")) {
                start = i + 1;
            } else if (line.equals("// end::" + tag + "[]") && start >= 0) {
                end = i;
                break;
            }
        }
        assertThat(start).as("marker tag::%s[]", tag).isNotNegative();
        assertThat(end).as("marker end::%s[]", tag).isNotNegative();
        List<String> body = lines.subList(start, end);
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : body) {
            out.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
