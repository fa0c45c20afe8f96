package dev.raftops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.decision.JobNames;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.Revision;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code raftops plan} through the real command line, with its output and errors captured. */
class PlanCommandTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int plan(String yaml, String... args) throws Exception {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, yaml);
        List<String> all = new ArrayList<>(List.of("plan", "-f", file.toString()));
        all.addAll(List.of(args));
        return raftops(all.toArray(String[]::new));
    }

    int raftops(String... args) {
        CommandLine cli = new CommandLine(new RaftopsCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    static String cluster(String version, int replicas) {
        return cluster(version, replicas, "", "");
    }

    static String cluster(String version, int replicas, String upgrade, String status) {
        return """
                apiVersion: raftops.dev/v1alpha1
                kind: RaftCluster
                metadata:
                  name: bao
                  namespace: secrets
                spec:
                  version: "%s"
                  replicas: %d
                %s
                status:
                  currentVersion: 2.4.0
                %s
                """.formatted(version, replicas, upgrade.indent(2).stripTrailing(), status.indent(2).stripTrailing());
    }

    /** A rolling {@code status.upgrade} from 2.4.0, attempt 1, with {@code more} (YAML lines) added. */
    static String inFlight(String target, String image, int partition, String more) {
        return """
                upgrade:
                  fromVersion: 2.4.0
                  targetVersion: %s
                  targetImage: %s
                  startedAt: "2026-11-24T10:00:00Z"
                  currentPartition: %d
                  attempt: 1
                %s""".formatted(target, image, partition, more.indent(2));
    }

    List<String> errLines() {
        return err.toString().lines().toList();
    }

    /** The one error line of a plan refused with exit code 2 for {@code document}. */
    private String refusedInOneLine(String document, String... options) throws Exception {
        assertThat(plan(document, options)).isEqualTo(2);
        assertThat(errLines()).hasSize(1);
        return errLines().get(0);
    }

    @Test
    void anUpgradeIsAllowedWithItsStepsHighestOrdinalFirstAndExitsZero() throws Exception {
        assertThat(plan(cluster("2.4.4", 3), "--output", "json", "--leader", "1")).isZero();
        assertThat(out.toString()).contains("\"drift\":\"upgrade\",\"allowed\":true,\"reason\":null,\"message\":null,")
                .contains("\"steps\":[{\"ordinal\":2,\"stepDown\":false},{\"ordinal\":1,\"stepDown\":true},"
                        + "{\"ordinal\":0,\"stepDown\":false}]");
    }

    @Test
    void aDowngradeIsBlockedExitsTwoAndSaysWhy() throws Exception {
        assertThat(plan(cluster("2.3.0", 3))).isEqualTo(2);
        assertThat(out.toString()).contains("drift:     downgrade").contains("allowed:   false (DowngradeBlocked");
    }

    @Test
    void aMajorUpgradeWithoutAllowMajorExitsTwo() throws Exception {
        assertThat(plan(cluster("3.0.0", 3))).isEqualTo(2);
        assertThat(out.toString()).contains("MajorUpgradeBlocked");
    }

    @Test
    void aMajorUpgradeWithAllowMajorExitsZero() throws Exception {
        assertThat(plan(cluster("3.0.0", 3, "upgrade:\n  policy:\n    allowMajor: true", ""))).isZero();
    }

    @Test
    void anInvalidVersionExitsTwo() throws Exception {
        assertThat(plan(cluster("2.4", 3))).isEqualTo(2);
        assertThat(out.toString()).contains("InvalidVersion");
    }

    @Test
    void nothingToDoIsASentenceAndExitsZero() throws Exception {
        assertThat(plan(cluster("2.4.0", 3))).isZero();
        assertThat(out.toString()).contains("nothing to do: the cluster runs 2.4.0").doesNotContain("null");
    }

    @Test
    void theHelpListsTheExitCodesAndTheDefaults() {
        assertThat(raftops("plan", "--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:").contains("0   every plan will run")
                .contains("2   blocked or invalid").contains("Default: text");
    }

    @Test
    void aBlueGreenClusterGetsThePhasesTheGreenStatefulSetAndTheJobs() throws Exception {
        assertThat(plan(cluster("2.5.0", 3, "upgrade:\n  strategy: BlueGreen", ""))).isZero();
        String green = Revision.statefulSet("bao", Revision.of("2.5.0", null, 3));
        assertThat(out.toString()).contains("strategy:  BlueGreen").contains("green:     " + green)
                .contains("promotion: automatic").doesNotContain("ordinal 2");
        List<Integer> phases = new ArrayList<>();
        for (BlueGreenPhase phase : List.of(BlueGreenPhase.DeployingGreen, BlueGreenPhase.JoiningMesh,
                BlueGreenPhase.Syncing, BlueGreenPhase.Promoting, BlueGreenPhase.DemotingBlue, BlueGreenPhase.Cleanup)) {
            phases.add(out.toString().indexOf(". " + phase + "\n"));
        }
        assertThat(phases).doesNotContain(-1).isSorted();
        for (ExecutorAction job : List.of(ExecutorAction.JOIN_GREEN, ExecutorAction.WAIT_SYNCED,
                ExecutorAction.PROMOTE_GREEN, ExecutorAction.DEMOTE_BLUE, ExecutorAction.REMOVE_BLUE_PEERS)) {
            assertThat(out.toString()).contains("- job " + job.wireName() + ": ");
        }
    }

    @Test
    void aBlueGreenPlanInJsonNamesTheGreenStatefulSetAndEveryPhase() throws Exception {
        assertThat(plan(cluster("2.5.0", 3, "upgrade:\n  strategy: BlueGreen", ""), "--output", "json")).isZero();
        String green = Revision.statefulSet("bao", Revision.of("2.5.0", null, 3));
        assertThat(out.toString()).contains("\"strategy\":\"BlueGreen\"").contains("\"greenStatefulSet\":\"" + green + "\"")
                .contains("\"phase\":\"JoiningMesh\"").contains("\"action\":\"join-green\"").contains("\"steps\":[]");
    }

    @Test
    void aBlueGreenClusterWithManualPromotionShowsWhereItHolds() throws Exception {
        assertThat(plan(cluster("2.5.0", 3, "upgrade:\n  strategy: BlueGreen\n  blueGreen:\n    autoPromote: false", "")))
                .isZero();
        assertThat(out.toString()).contains("promotion: manual: holds in Syncing until spec.upgrade.requests.promote")
                .contains("- hold Green is in sync; set spec.upgrade.requests.promote to promote it");
    }

    @Test
    void aBlueGreenAttemptInFlightIsPlannedFromItsStatus() throws Exception {
        String blue = Revision.of("2.4.0", null, 3);
        String green = Revision.of("2.5.0", null, 3);
        String status = """
                acceptedUpgradeStrategy: BlueGreen
                blueGreen:
                  phase: Syncing
                  attemptId: 0a1b2c3d
                  blueRevision: %s
                  greenRevision: %s
                  greenVersion: 2.5.0
                  greenReplicas: 3
                  manualPromotionRequired: true
                  completedSteps: [wait-synced]
                """.formatted(blue, green);
        assertThat(plan(cluster("2.5.0", 3, "upgrade:\n  strategy: BlueGreen", status))).isZero();
        assertThat(out.toString()).contains("1. DeployingGreen [done]").contains("3. Syncing [now]")
                .contains("[x] job wait-synced").contains("waits for: a person: Green is in sync; set "
                        + "spec.upgrade.requests.promote")
                .contains("(Job " + JobNames.of("bao", ExecutorAction.PROMOTE_GREEN, "0a1b2c3d", blue, green, "run0") + ")");
    }

    @Test
    void aBlueGreenTargetThatFailedBeforeIsBlockedUntilARetryToken() throws Exception {
        String status = """
                acceptedUpgradeStrategy: BlueGreen
                blueGreen:
                  phase: Idle
                  blueRevision: %s
                  failedTarget: %s
                """.formatted(Revision.of("2.4.0", null, 3), Revision.of("2.5.0", null, 3));
        assertThat(plan(cluster("2.5.0", 3, "upgrade:\n  strategy: BlueGreen", status))).isEqualTo(2);
        assertThat(out.toString()).contains("plan:      blocked (BlueGreenTargetFailed): the attempt at 2.5.0");
        out.getBuffer().setLength(0);
        assertThat(plan(cluster("2.5.0", 3, "upgrade:\n  strategy: BlueGreen\n  requests:\n    retry: again", status)))
                .isZero();
    }

    @Test
    void aDocumentWithoutASpecSaysSoInOneLine() throws Exception {
        assertThat(refusedInOneLine("apiVersion: raftops.dev/v1alpha1\nkind: RaftCluster\nmetadata:\n  name: bao\n"))
                .endsWith("cluster.yaml: spec: required field missing");
    }

    @Test
    void aRollingUpgradeInFlightIsPlannedFromItsStatus() throws Exception {
        String status = inFlight("2.4.4", "quay.io/openbao/openbao:2.4.4", 2,
                "completedOrdinals: [2]\nreleasedAt: \"2026-11-24T10:03:00Z\"");
        assertThat(plan(cluster("2.4.4", 3, "", status), "--leader", "0")).isZero();
        assertThat(out.toString()).contains("done:      ordinals 2")
                .contains("now:       ordinal 1: released, rolling to 2.4.4")
                .contains("waits for: ordinal 1 waits for: PodReady on 2.4.4, caught up")
                .contains("next:\n  ordinal 0  step-down first, then restart");
    }

    @Test
    void aRollingRestartInFlightIsShownAsARestartNotAsAnUpgradeToTheSameVersion() throws Exception {
        String status = inFlight("2.4.0", "quay.io/openbao/openbao:2.4.0", 3, "restartAt: \"2026-11-24T09:59:00Z\"");
        assertThat(plan(cluster("2.4.0", 3, "", status), "--leader", "0")).isZero();
        assertThat(out.toString()).contains("roll:      restarting every pod on 2.4.0 (requested at 2026-11-24T09:59:00Z)")
                .contains("plan:      restarting every pod on 2.4.0").doesNotContain("upgrade:   2.4.0 -> 2.4.0");
    }

    @Test
    void anImageChangeInFlightIsShownWithTheImagesItRollsBetween() throws Exception {
        String status = inFlight("2.4.0", "mirror.example/openbao/openbao:2.4.0", 0,
                "fromImage: quay.io/openbao/openbao:2.4.0\ncompletedOrdinals: [2, 1, 0]");
        assertThat(plan(cluster("2.4.0", 3, "image: mirror.example/openbao/openbao:2.4.0", status))).isZero();
        assertThat(out.toString()).contains("roll:      changing the image on 2.4.0: quay.io/openbao/openbao:2.4.0 -> "
                + "mirror.example/openbao/openbao:2.4.0")
                .contains("then status.currentImage becomes mirror.example/openbao/openbao:2.4.0");
    }

    @Test
    void aNewImageAtTheRunningVersionIsPlannedAsAnImageChangeNotNothingToDo() throws Exception {
        assertThat(plan(cluster("2.4.0", 3, "image: mirror.example/openbao/openbao:2.4.0",
                "currentImage: quay.io/openbao/openbao:2.4.0"), "--leader", "0")).isZero();
        assertThat(out.toString()).doesNotContain("nothing to do")
                .contains("plan:      RollingUpdate image change will run: changing the image on 2.4.0: "
                        + "quay.io/openbao/openbao:2.4.0 -> mirror.example/openbao/openbao:2.4.0")
                .contains("ordinal 0  step-down first, then restart");
    }

    @Test
    void aMultiDocumentFilePlansEachRaftCluster() throws Exception {
        String second = cluster("2.3.0", 3).replace("name: bao", "name: other");
        assertThat(plan(cluster("2.4.4", 3) + "---\n" + second)).isEqualTo(2);
        assertThat(out.toString()).contains("cluster:   secrets/bao").contains("cluster:   secrets/other")
                .contains("DowngradeBlocked");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theListKubectlGetPrintsIsPlannedItemByItem() throws Exception {
        String items = (cluster("2.4.4", 3) + "---\n" + cluster("2.4.0", 3).replace("name: bao", "name: other"))
                .replace("apiVersion: raftops.dev/v1alpha1", "- apiVersion: raftops.dev/v1alpha1")
                .replace("---\n", "").lines().map(l -> l.startsWith("- ") ? "  " + l : "    " + l)
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(plan("apiVersion: v1\nkind: List\nitems:\n" + items + "\n")).isZero();
        assertThat(out.toString()).contains("cluster:   secrets/bao").contains("cluster:   secrets/other")
                .contains("nothing to do");
    }

    @Test
    void aDeploymentIsRefusedByName() throws Exception {
        assertThat(refusedInOneLine("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"))
                .endsWith("cluster.yaml: kind Deployment is not a RaftCluster (raftops.dev/v1alpha1)");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aDeploymentAmongRaftClustersIsRefusedWithItsDocumentNumber() throws Exception {
        assertThat(refusedInOneLine(cluster("2.4.4", 3) + "---\napiVersion: apps/v1\nkind: Deployment\n"))
                .endsWith("cluster.yaml (document 2): kind Deployment is not a RaftCluster (raftops.dev/v1alpha1)")
                .doesNotContain("ClassCast");
    }

    @Test
    void aWrongApiVersionIsRefused() throws Exception {
        assertThat(refusedInOneLine(cluster("2.4.4", 3).replace("raftops.dev/v1alpha1", "raftops.dev/v1")))
                .endsWith("apiVersion raftops.dev/v1: a RaftCluster is raftops.dev/v1alpha1");
    }

    @Test
    void everyUnknownFieldIsReportedByItsPathWithASuggestion() throws Exception {
        String yaml = cluster("2.4.4", 3).replace("  replicas: 3", "  replcias: 3\n  upgrade:\n    stratgy: BlueGreen\n"
                + "    timeouts:\n      podready: 5m\n      frobnicate: 1");
        assertThat(plan(yaml)).isEqualTo(2);
        assertThat(errLines()).containsExactly(
                "raftops plan: " + dir.resolve("cluster.yaml") + ": spec.replcias: unknown field; did you mean spec.replicas?",
                "raftops plan: " + dir.resolve("cluster.yaml") + ": spec.upgrade.stratgy: unknown field; did you mean "
                        + "spec.upgrade.strategy?",
                "raftops plan: " + dir.resolve("cluster.yaml") + ": spec.upgrade.timeouts.podready: unknown field; did "
                        + "you mean spec.upgrade.timeouts.podReady?",
                "raftops plan: " + dir.resolve("cluster.yaml") + ": spec.upgrade.timeouts.frobnicate: unknown field");
    }

    @Test
    void aValueOfTheWrongTypeIsReportedByItsPath() throws Exception {
        assertThat(refusedInOneLine(cluster("2.4.4", 3).replace("version: \"2.4.4\"", "version: 2.4")))
                .endsWith("spec.version: expected a string, got the number 2.4 (quote it: \"2.4\")");
    }

    @Test
    void aYamlSyntaxErrorNamesTheLineAndColumn() throws Exception {
        assertThat(refusedInOneLine("apiVersion: raftops.dev/v1alpha1\nkind: RaftCluster\nspec: [unclosed\n"))
                .startsWith("raftops plan: " + dir.resolve("cluster.yaml") + ":4:1: YAML syntax error: ");
    }

    @Test
    void aBadSpecValueExitsTwoNamingTheField() throws Exception {
        assertThat(refusedInOneLine(cluster("2.4.4", 3).replace("replicas: 3\n", "replicas: 3\n  upgrade:\n    timeouts:\n"
                + "      podReady: 0s\n"))).startsWith("raftops plan: ").contains("spec.upgrade.timeouts.podReady");
    }

    @Test
    void aMissingFileIsOneLine() {
        assertThat(raftops("plan", "-f", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(errLines()).singleElement().asString().endsWith("missing.yaml: no such file");
    }

    @Test
    void aLeaderOutsideTheOrdinalsIsRefused() throws Exception {
        assertThat(refusedInOneLine(cluster("2.4.4", 3), "--leader", "7"))
                .isEqualTo("raftops plan: --leader 7: no such ordinal; spec.replicas is 3 (ordinals 0 to 2)");
        assertThat(out.toString()).isEmpty();
    }
}
