package dev.raftops.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.backup.BackupReasons;
import dev.raftops.domain.bluegreen.BlueGreenPhase;
import dev.raftops.domain.bluegreen.BlueGreenReasons;
import dev.raftops.domain.cluster.ClusterSpec;
import dev.raftops.domain.cluster.ClusterStatus;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.gates.Pause;
import dev.raftops.domain.rolling.RollingReasons;
import dev.raftops.domain.version.UpgradeVerdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation names only things that exist, and names all of them: every
 * {@code kubectl patch raftcluster} sets fields of {@link ClusterSpec} or {@link ClusterStatus}
 * (under their wire names), every {@code spec.}/{@code status.} path the docs mention exists,
 * the reference lists every spec and status field, and every reason in the reference tables is a
 * string in the code (and every reason constant is in the tables).
 */
class DocsConsistencyTest {

    static final Path MODULE = Path.of(System.getProperty("user.dir"));
    static final Path DOCS = MODULE.resolve("../docs").normalize();
    static final Path ROOT = MODULE.resolve("..").normalize();

    /** The pages this test owns; docs/decisions and docs/testing.md are checked only for patches. */
    static final List<String> PAGES = List.of("architecture.md", "user-guide.md", "embedding.md",
            "reference/conditions-and-reasons.md", "reference/events.md", "reference/status.md", "reference/spec.md",
            "reference/metrics.md",
            "runbooks/upgrade-stuck-on-a-pod.md", "runbooks/step-down-timeout.md", "runbooks/backup-failing.md",
            "runbooks/break-glass-after-failed-rollback.md",
            "runbooks/lock-held-by-an-operation-that-will-not-finish.md");

    /** Classes whose reason constants the reference must list. */
    static final List<Class<?>> REASON_CLASSES = List.of(RollingReasons.class, BlueGreenReasons.class,
            BackupReasons.class);

    static final Pattern PATCH = Pattern.compile("kubectl[^\\n`]*?\\bpatch raftcluster\\b[^\\n`]*?-p '([^']*)'");
    static final Pattern FIELD_MENTION = Pattern.compile("`((?:spec|status)(?:\\.[A-Za-z]+(?:\\[\\])?)+)`");
    static final Pattern REASON_ROW = Pattern.compile("^\\|\\s*`([A-Za-z]+)`\\s*\\|");

    @Test
    void everyPatchSetsFieldsThatExist() {
        List<String> patches = new ArrayList<>();
        for (Path page : allMarkdown()) {
            // a shell variable spliced into the JSON ('"$NONCE"') stands for a string value
            Matcher m = PATCH.matcher(read(page).replaceAll("'\"\\$[A-Z_]+\"'", "VALUE"));
            while (m.find()) {
                for (String path : MiniJson.leafPaths(m.group(1))) {
                    patches.add(path);
                    assertThat(WirePaths.resolves(path)).as("%s patches %s, which is no field of the RaftCluster",
                            DOCS.relativize(page), path).isTrue();
                }
            }
        }
        assertThat(patches).as("the docs show patches").contains("spec.upgrade.requests.retry",
                "spec.breakGlassAck", "spec.paused");
    }

    @Test
    void everySpecAndStatusPathTheDocsMentionExists() {
        for (String name : PAGES) {
            Matcher m = FIELD_MENTION.matcher(read(DOCS.resolve(name)));
            while (m.find()) {
                assertThat(WirePaths.resolves(m.group(1))).as("%s mentions %s, which is no field", name, m.group(1))
                        .isTrue();
            }
        }
    }

    @Test
    void theReferenceListsEverySpecAndStatusField() {
        String spec = read(DOCS.resolve("reference/spec.md"));
        for (String path : WirePaths.of("spec", ClusterSpec.class)) {
            assertThat(spec).as("reference/spec.md documents %s", path).contains("`" + path + "`");
        }
        String status = read(DOCS.resolve("reference/status.md"));
        for (String path : WirePaths.of("status", ClusterStatus.class)) {
            assertThat(status).as("reference/status.md documents %s", path).contains("`" + path + "`");
        }
    }

    @Test
    void everyDocumentedReasonIsAStringInTheCode() {
        String code = mainSources();
        SortedSet<String> documented = documentedReasons();
        assertThat(documented).hasSizeGreaterThan(40);
        for (String reason : documented) {
            boolean phaseReason = Stream.of(BlueGreenPhase.values()).anyMatch(p -> reason.equals("BlueGreen" + p.name()));
            assertThat(phaseReason || code.contains("\"" + reason + "\""))
                    .as("documented reason %s is a string in domain or ports", reason).isTrue();
        }
    }

    @Test
    void everyReasonConstantAndConditionTypeIsDocumented() throws IllegalAccessException {
        SortedSet<String> documented = documentedReasons();
        List<String> constants = new ArrayList<>();
        for (Class<?> type : REASON_CLASSES) {
            constants.addAll(stringConstants(type));
        }
        for (Field f : UpgradeVerdict.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                constants.add((String) f.get(null));
            }
        }
        constants.addAll(List.of(Pause.REASON, DayTwoPass.BREAK_GLASS_ACKNOWLEDGED, DayTwoPass.BREAK_GLASS_ACK_REJECTED,
                AdminOpsService.InvalidSpec.REASON));
        assertThat(documented).containsAll(constants);
        String conditions = read(DOCS.resolve("reference/conditions-and-reasons.md"));
        for (String type : stringConstants(Condition.class)) {
            assertThat(conditions).as("condition type %s has a section", type).contains("## `" + type + "`");
        }
    }

    @Test
    void everyCamelCaseNameInTheDocsExistsInTheCode() {
        String code = sources("src/main/java") + sources("src/test/java");
        Set<String> kubernetes = Set.of("StatefulSet", "StatefulSets", "RaftCluster", "RollingUpdate", "OnDelete",
                "OrderedReady", "PodDisruptionBudget", "ServiceAccount", "CustomResourceDefinition", "OpenBao",
                "ArchUnit", "JUnit", "MethodSource", "ParameterizedTest", "CrashLoopBackOff", "ImagePullBackOff",
                "BlueGreen", "JavaClasses");
        Pattern camel = Pattern.compile("`([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)`");
        List<String> unknown = new ArrayList<>();
        for (String name : PAGES) {
            Matcher m = camel.matcher(read(DOCS.resolve(name)));
            while (m.find()) {
                String word = m.group(1);
                boolean known = kubernetes.contains(word) || Pattern.compile("\\b" + word + "\\b").matcher(code).find()
                        || Stream.of(BlueGreenPhase.values()).anyMatch(p -> word.equals("BlueGreen" + p.name()));
                if (!known) {
                    unknown.add(name + ": " + word);
                }
            }
        }
        // the diagrams name classes without backticks: every CamelCase word in a mermaid block counts
        Pattern mermaid = Pattern.compile("```mermaid\\n(.*?)```", Pattern.DOTALL);
        Pattern word = Pattern.compile("\\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)\\b");
        int diagramNames = 0;
        for (String name : PAGES) {
            Matcher block = mermaid.matcher(read(DOCS.resolve(name)));
            while (block.find()) {
                Matcher m = word.matcher(block.group(1));
                while (m.find()) {
                    diagramNames++;
                    if (!kubernetes.contains(m.group(1))
                            && !Pattern.compile("\\b" + m.group(1) + "\\b").matcher(code).find()) {
                        unknown.add(name + " (diagram): " + m.group(1));
                    }
                }
            }
        }
        assertThat(diagramNames).as("class names in the diagrams").isGreaterThan(20);
        assertThat(unknown).as("names in the docs that the code does not know").isEmpty();
    }

    @Test
    void everyLabelTheCommandsSelectOrShowIsOneTheCodeUses() {
        String code = mainSources();
        Pattern selector = Pattern.compile(" -(?:l|L) ([a-z0-9./,=-]+)");
        List<String> unknown = new ArrayList<>();
        SortedSet<String> checked = new TreeSet<>();
        for (String name : PAGES) {
            String commands = read(DOCS.resolve(name)).lines().filter(l -> l.contains("kubectl"))
                    .collect(java.util.stream.Collectors.joining("\n"));
            Matcher m = selector.matcher(commands);
            while (m.find()) {
                for (String term : m.group(1).split(",")) {
                    String key = term.split("=")[0];
                    checked.add(key);
                    if (!code.contains(key)) {
                        unknown.add(name + ": " + key);
                    }
                }
            }
        }
        assertThat(checked).contains("raftops.dev/cluster", "controller-revision-hash");
        assertThat(unknown).as("label keys in kubectl -l/-L that the code never uses").isEmpty();
    }

    @Test
    void theMetricsReferenceNamesExactlyTheMetricsOfTheCode() {
        SortedSet<String> inCode = new TreeSet<>();
        Matcher code = Pattern.compile("\"(raftops_[a-z_]+)\"").matcher(sources("src/main/java"));
        while (code.find()) {
            inCode.add(code.group(1));
        }
        SortedSet<String> documented = new TreeSet<>();
        for (String line : read(DOCS.resolve("reference/metrics.md")).lines().toList()) {
            Matcher m = Pattern.compile("^\\|\\s*`(raftops_[a-z_]+)`").matcher(line);
            if (m.find()) {
                documented.add(m.group(1));
            }
        }
        assertThat(documented).as("metrics in reference/metrics.md").isEqualTo(inCode).isNotEmpty();
    }

    @Test
    void theCheckersCatchMistakes() {
        assertThat(WirePaths.resolves("spec.upgrade.requests.retry")).isTrue();
        assertThat(WirePaths.resolves("spec.upgrade.request.retry")).isFalse();
        assertThat(WirePaths.resolves("spec.backup.target.bucket")).isTrue();
        assertThat(WirePaths.resolves("status.adminOps.lastError.reason")).isTrue();
        assertThat(WirePaths.resolves("status.lastError")).isFalse();
        assertThat(WirePaths.resolves("status.upgrade.plan[].stepDown")).isTrue();
        assertThat(MiniJson.leafPaths("{\"spec\":{\"upgrade\":{\"requests\":{\"retry\":\"2026-11-24T10:00:00Z\"}}}}"))
                .containsExactly("spec.upgrade.requests.retry");
        assertThat(MiniJson.leafPaths("{\"spec\":{\"paused\":true,\"maintenance\":{\"enabled\":false}}}"))
                .containsExactly("spec.paused", "spec.maintenance.enabled");
    }

    /** Reasons in the first column of the reference tables. */
    static SortedSet<String> documentedReasons() {
        SortedSet<String> reasons = new TreeSet<>();
        for (String page : List.of("reference/conditions-and-reasons.md", "reference/events.md")) {
            for (String line : read(DOCS.resolve(page)).lines().toList()) {
                Matcher m = REASON_ROW.matcher(line);
                if (m.find()) {
                    reasons.add(m.group(1));
                }
            }
        }
        return reasons;
    }

    static List<String> stringConstants(Class<?> type) {
        List<String> out = new ArrayList<>();
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    out.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    static String mainSources() {
        return sources("src/main/java");
    }

    /** The Java sources under {@code tree} of every module, as one text. */
    static String sources(String tree) {
        StringBuilder all = new StringBuilder();
        for (String module : List.of("domain", "ports", "controller-app")) {
            Path main = ROOT.resolve(module).resolve(tree);
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> all.append(read(p)).append('\n'));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }

    static List<Path> allMarkdown() {
        try (Stream<Path> files = Files.walk(DOCS)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tiny JSON reader: the dotted paths of the leaves (scalars, arrays, nulls) of a merge patch. */
    static final class MiniJson {

        private final String text;
        private int at;
        private final List<String> leaves = new ArrayList<>();

        private MiniJson(String text) {
            this.text = text;
        }

        static List<String> leafPaths(String json) {
            MiniJson reader = new MiniJson(json);
            reader.value("");
            return reader.leaves;
        }

        private void value(String path) {
            skipSpace();
            char c = text.charAt(at);
            if (c == '{') {
                at++;
                skipSpace();
                if (text.charAt(at) == '}') {
                    at++;
                    leaves.add(path);
                    return;
                }
                while (true) {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    value(path.isEmpty() ? key : path + "." + key);
                    skipSpace();
                    if (text.charAt(at) == ',') {
                        at++;
                    } else {
                        expect('}');
                        return;
                    }
                }
            }
            leaves.add(path);
            if (c == '"') {
                string();
            } else if (c == '[') {
                int depth = 0;
                do {
                    char d = text.charAt(at++);
                    depth += d == '[' ? 1 : d == ']' ? -1 : 0;
                } while (depth > 0);
            } else {
                while (at < text.length() && ",}] \n".indexOf(text.charAt(at)) < 0) {
                    at++;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (text.charAt(at) != '"') {
                if (text.charAt(at) == '\\') {
                    at++;
                }
                s.append(text.charAt(at++));
            }
            at++;
            return s.toString();
        }

        private void expect(char c) {
            if (text.charAt(at) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at + " in " + text);
            }
            at++;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }

    /**
     * The wire paths of the RaftCluster spec and status, read off the domain records. A few record
     * components are spelled differently in the resource (the spec's names); they are listed here.
     */
    static final class WirePaths {

        static final TreeMap<String, String> WIRE_NAMES = new TreeMap<>(java.util.Map.of(
                "ClusterStatus.lastError", "adminOps.lastError",
                "BackupSpec.triggerRequest", "requests.trigger",
                "BackupSpec.executorImage", "executor.image"));

        static SortedSet<String> of(String root, Class<?> record) {
            SortedSet<String> out = new TreeSet<>();
            walk(root, record, out);
            return out;
        }

        private static void walk(String prefix, Class<?> record, SortedSet<String> out) {
            for (var component : record.getRecordComponents()) {
                String wire = WIRE_NAMES.getOrDefault(record.getSimpleName() + "." + component.getName(),
                        component.getName());
                String path = prefix + "." + wire;
                Class<?> type = component.getType();
                if (type.isRecord()) {
                    walk(path, type, out);
                } else if (List.class.isAssignableFrom(type)
                        && component.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                        && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                    walk(path + "[]", element, out);
                } else {
                    out.add(path);
                }
            }
        }

        /** Whether {@code path} is a field, a parent of fields, or a key under a map field. */
        static boolean resolves(String path) {
            String wanted = path.replace("[]", "");
            Class<?> root = wanted.startsWith("spec") ? ClusterSpec.class : ClusterStatus.class;
            String rootName = wanted.startsWith("spec") ? "spec" : "status";
            for (String known : of(rootName, root)) {
                String k = known.replace("[]", "");
                if (k.equals(wanted) || k.startsWith(wanted + ".")) {
                    return true;
                }
                if (wanted.startsWith(k + ".") && isMap(known)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isMap(String path) {
            return MAP_FIELDS.contains(path);
        }

        static final Set<String> MAP_FIELDS = Set.of("spec.backup.target", "spec.upgrade.executor.requests",
                "spec.upgrade.executor.limits");
    }
}
