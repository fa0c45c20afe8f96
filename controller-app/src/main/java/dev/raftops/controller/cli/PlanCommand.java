package dev.raftops.controller.cli;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.rolling.RollingProgress.PlanStep;
import dev.raftops.domain.rolling.UpgradePreview;
import dev.raftops.ports.ClusterDocument;
import dev.raftops.ports.SpecReading;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code raftops plan -f cluster.yaml}: a dry run of the rolling upgrade a RaftCluster document asks
 * for: version drift, whether it is allowed and why not, and the ordered steps.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Dry-run the upgrade a RaftCluster document asks for (spec and status; no cluster needed).")
public final class PlanCommand implements Callable<Integer> {

    @Option(names = {"-f", "--file"}, required = true, description = "RaftCluster YAML or JSON document.")
    Path file;

    @Option(names = "--output", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--leader", description = "Ordinal that currently leads (default: unknown, so every step may need a step-down).")
    Integer leader;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        if (!output.equals("text") && !output.equals("json")) {
            err.println("raftops plan: --output must be text or json, was \"" + output + "\"");
            return 2;
        }
        RaftCluster cr;
        try {
            cr = new KubernetesSerialization().unmarshal(Files.readString(file), RaftCluster.class);
        } catch (Exception e) {
            err.println("raftops plan: cannot read " + file + ": " + firstLine(e.getMessage()));
            return 2;
        }
        if (cr == null || cr.getSpec() == null) {
            err.println("raftops plan: " + file + ": spec: missing");
            return 2;
        }
        ClusterDocument doc = Fabric8Adapters.document(cr);
        if (doc.spec() instanceof SpecReading.Invalid invalid) {
            err.println("raftops plan: " + file + ": " + invalid.field() + ": " + invalid.message());
            return 2;
        }
        var spec = ((SpecReading.Valid) doc.spec()).spec();
        UpgradePreview preview = UpgradePreview.of(spec, doc.status().currentVersion(), pods(spec.replicas()));
        out.print(output.equals("json") ? json(preview) : text(preview, doc.status().currentVersion(), spec.version()));
        return 0;
    }

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

    static String text(UpgradePreview p, String current, String desired) {
        StringBuilder s = new StringBuilder();
        s.append("drift:   ").append(p.drift()).append(" (").append(current).append(" -> ").append(desired).append(")\n");
        s.append("allowed: ").append(p.allowed()).append(p.allowed() ? "" : " (" + p.reason() + ": " + p.message() + ")")
                .append('\n');
        for (String warning : p.warnings()) {
            s.append("warning: ").append(warning).append('\n');
        }
        for (PlanStep step : p.steps()) {
            s.append("  ordinal ").append(step.ordinal()).append(step.stepDown() ? "  step-down first, then restart\n"
                    : "  restart\n");
        }
        return s.toString();
    }

    static String json(UpgradePreview p) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("drift", p.drift());
        doc.put("allowed", p.allowed());
        doc.put("reason", p.reason());
        doc.put("message", p.message());
        doc.put("steps", p.steps().stream().map(PlanCommand::step).toList());
        doc.put("warnings", List.copyOf(p.warnings()));
        return new KubernetesSerialization().asJson(doc) + "\n";
    }

    private static Map<String, Object> step(PlanStep step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ordinal", step.ordinal());
        m.put("stepDown", step.stepDown());
        return m;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable document";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
