package dev.raftops.controller.cli;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.domain.bluegreen.CutoverPlan;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.opslifecycle.OneShotRequest;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.domain.rolling.ProgressPreview;
import dev.raftops.domain.rolling.UpgradePreview;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.SpecReading;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code raftops plan -f cluster.yaml}: a dry run of what raftops would do with each RaftCluster
 * document of a file: the rolling or blue/green plan for a new upgrade, or, for an object read from
 * a cluster in the middle of one, what is done, what comes next and what it waits for. Read from
 * the document alone (spec and status); nothing is contacted.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Dry-run what raftops would do with each RaftCluster document of a file (spec and status; "
                + "no cluster needed): the drift, whether the policy allows it and why not, and the plan: for "
                + "RollingUpdate the ordinals in restart order with the step-downs, for BlueGreen the phases with "
                + "the Green StatefulSet, the executor Jobs and the promotion hold. An object in the middle of an "
                + "upgrade (status.upgrade or status.blueGreen) is planned from its status: done, now, next, and "
                + "what it waits for.",
            "Every document of the file must be a " + ManifestReading.API_VERSION + " RaftCluster the CRD "
                + "accepts; otherwise every problem is printed, one line each, and nothing is planned."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every plan will run (or there is nothing to do)",
            "2:blocked or invalid: a target the policy refuses (downgrade, major without allowMajor, invalid "
                + "version, ...), a file or document raftops cannot plan, or a bad option"})
public final class PlanCommand implements Callable<Integer> {

    /** Exit code of a plan that will run, or has nothing to do. */
    static final int RUNS = 0;
    /** Exit code of a blocked target, an invalid document or a bad option. */
    static final int BLOCKED = 2;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
            description = "RaftCluster YAML or JSON; several documents separated by --- are planned one by one.")
    Path file;

    @Option(names = "--output", defaultValue = "text", paramLabel = "FORMAT", description = "text or json.")
    String output;

    @Option(names = "--leader", paramLabel = "ORDINAL",
            description = "Ordinal that leads now (default: unknown, so every rolling step may need a step-down).")
    Integer leader;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!output.equals("text") && !output.equals("json")) {
            err.println("raftops plan: --output " + output + ": expected text or json");
            return BLOCKED;
        }
        ManifestReading.Result read = ManifestReading.read(file);
        List<Plan> plans = new ArrayList<>();
        List<String> problems = new ArrayList<>(read.problems());
        for (RaftCluster cr : read.clusters()) {
            ClusterDocument doc = Fabric8Adapters.document(cr);
            String where = file + (read.clusters().size() > 1 ? " (" + doc.key() + ")" : "") + ": ";
            if (doc.spec() instanceof SpecReading.Invalid invalid) {
                problems.add(where + invalid.field() + ": " + invalid.message());
                continue;
            }
            ClusterSpec clusterSpec = ((SpecReading.Valid) doc.spec()).spec();
            if (leader != null && (leader < 0 || leader >= clusterSpec.replicas())) {
                problems.add("--leader " + leader + ": no such ordinal; spec.replicas is " + clusterSpec.replicas()
                        + " (ordinals 0 to " + (clusterSpec.replicas() - 1) + ")");
                continue;
            }
            plans.add(plan(doc.key().name(), doc.key().toString(), clusterSpec, doc.status()));
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("raftops plan: " + p));
            return BLOCKED;
        }
        out.print(output.equals("json") ? PlanJson.json(plans) : PlanReport.text(plans));
        out.flush();
        return plans.stream().anyMatch(Plan::blocked) ? BLOCKED : RUNS;
    }

    /**
     * What raftops would do with one cluster: an attempt in flight is resumed from its status, a
     * new one is planned with the strategy in force.
     *
     * @param rolling the rolling upgrade in flight, or null
     * @param cutover the blue/green plan (in flight or new), or null
     */
    record Plan(String cluster, UpgradeStrategy strategy, String current, String desired, UpgradePreview preview,
            ProgressPreview rolling, CutoverPlan cutover, boolean retryPending) {

        /** The blue/green target failed before and no retry token is pending: the attempt does not start. */
        boolean latched() {
            return cutover != null && cutover.latched() != null && !retryPending;
        }

        boolean inFlight() {
            return rolling != null || cutover != null && cutover.attemptId() != null;
        }

        /** The target is refused: the decision would write a condition and an Event, and nothing else. */
        boolean blocked() {
            return !preview.allowed() && preview.reason() != null || latched();
        }

        boolean nothingToDo() {
            return !inFlight() && !preview.allowed() && preview.reason() == null;
        }
    }

    private Plan plan(String name, String cluster, ClusterSpec clusterSpec, ClusterStatus status) {
        String current = status.currentVersion();
        boolean retry = new OneShotRequest(clusterSpec.upgrade().requests().retry(),
                status.requests().lastHandledRetry()).pending();
        // a BlueGreen cluster does not roll a new image in place (ImageChangeNotSupported): no image change to preview
        UpgradePreview preview = UpgradePreview.of(clusterSpec, current,
                clusterSpec.upgrade().strategy() == UpgradeStrategy.ROLLING_UPDATE ? status.currentImage() : null,
                pods(clusterSpec.replicas()));
        if (status.upgrade() != null) {
            return new Plan(cluster, UpgradeStrategy.ROLLING_UPDATE, current, clusterSpec.version(), preview,
                    ProgressPreview.of(status.upgrade(), clusterSpec.replicas(), pods(clusterSpec.replicas())), null, retry);
        }
        if (status.blueGreen() != null && status.blueGreen().inFlight()) {
            return new Plan(cluster, UpgradeStrategy.BLUE_GREEN, current, clusterSpec.version(), preview, null,
                    CutoverPlan.resume(name, clusterSpec, status.blueGreen()), retry);
        }
        UpgradeStrategy strategy = clusterSpec.upgrade().strategy();
        boolean starts = preview.allowed() && current != null;
        CutoverPlan cutover = strategy == UpgradeStrategy.BLUE_GREEN && starts
                ? CutoverPlan.start(name, clusterSpec, status.blueGreen(), current) : null;
        return new Plan(cluster, strategy, current, clusterSpec.version(), preview, null, cutover, retry);
    }

    /** The pods as far as {@code --leader} tells: without it, nothing is known about leadership. */
    private Map<Integer, PodView> pods(int replicas) {
        Map<Integer, PodView> pods = new TreeMap<>();
        if (leader == null) {
            return pods;
        }
        for (int i = 0; i < replicas; i++) {
            pods.put(i, new PodView("pod-" + i, "sts", i, null, null, null, null, true, false, 0,
                    i == leader ? Leadership.LEADER : Leadership.FOLLOWER, null, true, Map.of()));
        }
        return pods;
    }
}
