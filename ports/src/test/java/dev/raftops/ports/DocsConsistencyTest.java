package dev.raftops.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.pass.ReasonRegistry;
import dev.raftops.domain.resource.BlueGreenPhase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * {@code kubectl patch raftcluster} sets fields of the generated CRD, every {@code spec.}/{@code status.}
 * path the docs mention exists in it, the reference lists every field of the CRD with its validation,
 * every reason in the reference tables is a string in the code (and every reason constant is in the
 * tables), and the names, labels and metrics the docs use are the code's.
 */
class DocsConsistencyTest {

    static final Path MODULE = Path.of(System.getProperty("user.dir"));
    static final Path DOCS = MODULE.resolve("../docs").normalize();
    static final Path ROOT = MODULE.resolve("..").normalize();
    /** The commands of the controller image's jar ({@code run}, {@code plan}, {@code crd}). */
    static final String CONTROLLER_CLI = "controller-app/src/main/java/dev/raftops/controller/cli";
    /** The {@code sandbox} command, which only the CLI jar ({@code sandbox/target/raftops.jar}) adds. */
    static final String SANDBOX_CLI = "sandbox/src/main/java/dev/raftops/sandbox/cli";

    /** The pages this test owns; docs/decisions and docs/testing.md are checked only for patches. */
    static final List<String> PAGES = List.of("architecture.md", "user-guide.md", "embedding.md",
            "reference/conditions-and-reasons.md", "reference/events.md", "reference/status.md", "reference/spec.md",
            "reference/metrics.md", "reference/cli.md", "reference/executor-jobs.md",
            "runbooks/upgrade-stuck-on-a-pod.md", "runbooks/step-down-timeout.md", "runbooks/backup-failing.md",
            "runbooks/break-glass-after-failed-rollback.md",
            "runbooks/lock-held-by-an-operation-that-will-not-finish.md", "runbooks/backup-too-old.md");

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
                for (String path : MergePatchPaths.leafPaths(m.group(1))) {
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
    void theReferenceListsEveryFieldOfTheCrd() {
        String spec = read(DOCS.resolve("reference/spec.md"));
        SortedSet<String> specLeaves = WirePaths.leaves("spec");
        assertThat(specLeaves).contains("spec.version", "spec.upgrade.requests.retry");
        for (String path : specLeaves) {
            assertThat(spec).as("reference/spec.md documents %s", path).contains("`" + path + "`");
        }
        String status = read(DOCS.resolve("reference/status.md"));
        SortedSet<String> statusLeaves = WirePaths.leaves("status");
        assertThat(statusLeaves).contains("status.currentVersion", "status.conditions[].reason");
        for (String path : statusLeaves) {
            assertThat(status).as("reference/status.md documents %s", path).contains("`" + path + "`");
        }
    }

    @Test
    void theSpecReferenceShowsTheValidationOfTheCrd() {
        List<String> rows = read(DOCS.resolve("reference/spec.md")).lines().filter(l -> l.startsWith("| `spec.")).toList();
        for (String path : WirePaths.leaves("spec")) {
            String rendered = WirePaths.CRD.get(path).rendered().replace("|", "\\|");
            List<String> row = rows.stream().filter(l -> l.startsWith("| `" + path + "` |")).toList();
            assertThat(row).as("one row for %s", path).hasSize(1);
            assertThat(cells(row.get(0)).get(3)).as("CRD validation of %s", path).isEqualTo(rendered);
        }
    }

    @Test
    void everyReferenceRowStartsWithTheDescriptionTheCrdGivesKubectlExplain() {
        List<String> rows = new ArrayList<>();
        for (String page : List.of("reference/spec.md", "reference/status.md")) {
            read(DOCS.resolve(page)).lines().filter(l -> l.startsWith("| `spec.") || l.startsWith("| `status."))
                    .forEach(rows::add);
        }
        int checked = 0;
        for (String row : rows) {
            List<String> cells = cells(row);
            String path = cells.get(0).replace("`", "");
            CrdSchema.Field field = WirePaths.CRD.get(path);
            assertThat(field).as("%s is a field of the CRD", path).isNotNull();
            assertThat(field.description()).as("the CRD describes %s", path).isNotBlank();
            // the reference may add to the description, never say something else first
            String meaning = cells.get(cells.size() - 1).replace("`", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
            String description = field.description().replaceAll("\\.$", "");
            assertThat(meaning).as("the reference row of %s starts with the CRD description", path)
                    .startsWith(description);
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void theRestoreReferenceListsEveryFieldOfTheRestoreCrdWithItsValidationAndDescription() {
        java.util.SortedMap<String, CrdSchema.Field> fields = CrdSchema.parse(
                read(ROOT.resolve("controller-app/deploy/restore-crd.yaml")));
        List<String> rows = read(DOCS.resolve("reference/restore.md")).lines()
                .filter(l -> l.startsWith("| `spec.") || l.startsWith("| `status.")).toList();
        int checked = 0;
        for (CrdSchema.Field field : fields.values()) {
            if (!field.type().equals("string") && !field.type().equals("boolean") && !field.type().equals("integer")) {
                continue;
            }
            List<String> row = rows.stream().filter(l -> l.startsWith("| `" + field.path() + "` |")).toList();
            assertThat(row).as("reference/restore.md has one row for %s", field.path()).hasSize(1);
            List<String> cells = cells(row.get(0));
            if (field.path().startsWith("spec.")) {
                assertThat(cells.get(3)).as("CRD validation of %s", field.path())
                        .isEqualTo(field.rendered().isEmpty() ? "none" : field.rendered());
            }
            String meaning = cells.get(cells.size() - 1).replace("`", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
            assertThat(meaning).as("the row of %s starts with the CRD description", field.path())
                    .startsWith(field.description().replaceAll("\\.$", ""));
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void thePrinterColumnsAreInTheOrderTheUserGuideShows() {
        String crd = read(ROOT.resolve("controller-app/deploy/crd.yaml"));
        String block = crd.substring(crd.indexOf("additionalPrinterColumns:"), crd.indexOf("    name: \"v1alpha1\""));
        List<String> columns = new ArrayList<>(List.of("NAME"));
        Matcher name = Pattern.compile("\\n      name: \"([A-Za-z]+)\"").matcher(block);
        while (name.find()) {
            columns.add(name.group(1).toUpperCase(java.util.Locale.ROOT));
        }
        String header = read(DOCS.resolve("user-guide.md")).lines().filter(l -> l.startsWith("NAME ")).findFirst()
                .orElseThrow();
        assertThat(List.of(header.trim().split("\\s+"))).as("the columns of kubectl get in the user guide")
                .isEqualTo(columns);
    }

    /** The cells of a markdown table row, with escaped pipes kept inside their cell. */
    static List<String> cells(String row) {
        List<String> out = new ArrayList<>();
        for (String cell : row.substring(1, row.length() - 1).split("(?<!\\\\)\\|", -1)) {
            out.add(cell.strip());
        }
        return out;
    }

    @Test
    void everyDocumentedReasonIsDeclaredInTheRegistry() {
        SortedSet<String> documented = documentedReasons();
        assertThat(documented).hasSizeGreaterThan(40);
        SortedSet<String> declared = ReasonRegistry.all();
        for (String reason : documented) {
            boolean phaseReason = Stream.of(BlueGreenPhase.values()).anyMatch(p -> reason.equals("BlueGreen" + p.name()));
            assertThat(phaseReason || declared.contains(reason))
                    .as("documented reason %s is declared in a class of ReasonRegistry", reason).isTrue();
        }
    }

    @Test
    void everyReasonConstantAndConditionTypeIsDocumented() {
        SortedSet<String> documented = documentedReasons();
        assertThat(documented).containsAll(ReasonRegistry.all());
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
    void theCliReferenceNamesExactlyTheOptionsOfTheCommands() {
        String cli = cliSources();
        SortedSet<String> declared = new TreeSet<>();
        Matcher names = Pattern.compile("names = (\\{[^}]*\\}|\"[^\"]*\")").matcher(cli);
        while (names.find()) {
            Matcher option = Pattern.compile("\"(-[-a-zA-Z]+)\"").matcher(names.group(1));
            while (option.find()) {
                declared.add(option.group(1));
            }
        }
        SortedSet<String> documented = new TreeSet<>();
        for (String line : read(DOCS.resolve("reference/cli.md")).lines().toList()) {
            if (line.startsWith("| `-")) {
                Matcher option = Pattern.compile("`(-[-a-zA-Z]+)`").matcher(cells(line).get(0));
                while (option.find()) {
                    documented.add(option.group(1));
                }
            }
        }
        assertThat(declared).contains("--file", "--namespace", "--seed");
        assertThat(documented).as("options in reference/cli.md").isEqualTo(declared);
    }

    @Test
    void everyRaftopsCommandLineInTheDocsUsesACommandAndOptionsThatExist() {
        // the CLI jar has every command; the controller image's jar has no sandbox
        Map<String, String> commandsOf = Map.of("raftops.jar", cliSources(), "raftops-controller.jar",
                sourcesUnder(ROOT.resolve(CONTROLLER_CLI)));
        Pattern jar = Pattern.compile("(raftops(?:-controller)?\\.jar)( [a-z]+)?");
        Set<String> help = Set.of("--help", "--version");
        List<String> unknown = new ArrayList<>();
        int lines = 0;
        for (Path page : allMarkdown()) {
            // command lines only, up to a pipe: java -jar .../raftops.jar <command> [options]
            for (String line : read(page).lines().filter(l -> l.strip().startsWith("java -jar ")
                    && jar.matcher(l).find()).map(l -> l.split(" \\| ")[0]).toList()) {
                lines++;
                Matcher command = jar.matcher(line);
                command.find();
                String cli = commandsOf.get(command.group(1));
                if (command.group(2) != null && !cli.contains("name = \"" + command.group(2).strip() + "\"")) {
                    unknown.add(line);
                }
                Matcher option = Pattern.compile(" (--?[a-zA-Z][-a-zA-Z]*)").matcher(line.substring(command.start()));
                while (option.find()) {
                    String o = option.group(1).replaceFirst("^--no-", "--");
                    if (!help.contains(o) && !cli.contains("\"" + o + "\"")) {
                        unknown.add(line + " (" + o + ")");
                    }
                }
            }
        }
        assertThat(lines).isGreaterThan(2);
        assertThat(unknown).as("raftops command lines naming what the CLI does not have").isEmpty();
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
        assertThat(MergePatchPaths.leafPaths("{\"spec\":{\"upgrade\":{\"requests\":{\"retry\":\"2026-11-24T10:00:00Z\"}}}}"))
                .containsExactly("spec.upgrade.requests.retry");
        assertThat(MergePatchPaths.leafPaths("{\"spec\":{\"paused\":true,\"maintenance\":{\"enabled\":false}}}"))
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
        for (String module : List.of("domain", "ports", "adapters-fabric8", "simulator", "controller-app", "sandbox")) {
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

    /** The commands of the CLI jar: the controller's (run, plan, crd) and the sandbox module's (sandbox). */
    static String cliSources() {
        return sourcesUnder(ROOT.resolve(CONTROLLER_CLI)) + sourcesUnder(ROOT.resolve(SANDBOX_CLI));
    }

    static String sourcesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> all.append(read(p)).append('\n'));
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** The paths of the generated CRD; a path resolves when it is a field, a parent of one, or a key under a map. */
    static final class WirePaths {

        static final java.util.SortedMap<String, CrdSchema.Field> CRD = CrdSchema.parse(
                read(ROOT.resolve("controller-app/deploy/crd.yaml")));

        /** The leaf fields under {@code root} ({@code spec} or {@code status}). */
        static SortedSet<String> leaves(String root) {
            SortedSet<String> out = new TreeSet<>();
            for (String path : CRD.keySet()) {
                boolean parent = CRD.keySet().stream().anyMatch(p -> p.startsWith(path + ".") || p.startsWith(path + "[]"));
                if (path.startsWith(root + ".") && !parent) {
                    out.add(path);
                }
            }
            return out;
        }

        static boolean resolves(String path) {
            String wanted = path.replace("[]", "");
            for (CrdSchema.Field field : CRD.values()) {
                String known = field.path().replace("[]", "");
                if (known.equals(wanted) || known.startsWith(wanted + ".")
                        || (field.map() && wanted.startsWith(known + "."))) {
                    return true;
                }
            }
            return false;
        }
    }
}
