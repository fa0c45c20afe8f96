package dev.raftops.controller.cli;

import dev.raftops.adapters.fabric8.AdapterSettings;
import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code raftops render -f cluster.yaml}: every object raftops would create for each RaftCluster of a
 * file, as {@code helm template} prints a chart: the server and executor service accounts, the Role
 * and RoleBinding, the OpenBao configuration ConfigMap, the StatefulSet, the Services and the
 * PodDisruptionBudget. Read from the file alone; nothing is contacted. Owner references are left out:
 * they need the UID the API server gives the RaftCluster.
 */
@Command(name = "render", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Print every object raftops would create for each RaftCluster document of a file (no cluster "
                + "needed), to review, diff or validate before applying: ServiceAccounts, Role, RoleBinding, the "
                + "OpenBao server configuration (ConfigMap), StatefulSet, Services, PodDisruptionBudget.",
            "Every document of the file must be a " + ManifestReading.API_VERSION + " RaftCluster the CRD accepts; "
                + "otherwise every problem is printed, one line each, and nothing is rendered."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the objects were printed", "2:a file or document raftops cannot render, or a bad option"},
        sortOptions = false)
public final class RenderCommand implements Callable<Integer> {

    static final int RENDERED = 0;
    static final int INVALID = 2;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
            description = "RaftCluster YAML or JSON; several documents separated by --- are rendered one after another.")
    Path file;

    /** What {@code --output} accepts; picocli refuses anything else as a usage error (one line, exit 2). */
    enum Format { yaml, json }

    @Option(names = {"-o", "--output"}, defaultValue = "yaml", paramLabel = "FORMAT",
            description = "yaml (documents separated by ---) or json (one v1 List).")
    Format output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ManifestReading.Result read = ManifestReading.read(file);
        List<String> problems = new ArrayList<>(read.problems());
        List<HasMetadata> objects = new ArrayList<>();
        for (RaftCluster cr : read.clusters()) {
            try {
                objects.addAll(Fabric8Adapters.rendered(cr, AdapterSettings.openBao()));
            } catch (IllegalArgumentException e) {
                String name = cr.getMetadata() == null ? null : cr.getMetadata().getName();
                problems.add(file + (read.clusters().size() > 1 ? " (" + name + ")" : "") + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            problems.forEach(p -> err.println("raftops render: " + p));
            return INVALID;
        }
        PrintWriter out = spec.commandLine().getOut();
        KubernetesSerialization serialization = new KubernetesSerialization();
        if (output == Format.json) {
            out.println(serialization.asJson(new KubernetesListBuilder().withItems(objects).build()));
        } else {
            for (HasMetadata object : objects) {
                String yaml = serialization.asYaml(object);
                out.print(yaml.startsWith("---") ? yaml : "---\n" + yaml);
            }
        }
        out.flush();
        return RENDERED;
    }
}
