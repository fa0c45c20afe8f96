package dev.raftops.controller.cli;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code raftops crd}: prints the two CRDs generated at build time, RaftCluster then RaftRestore. */
@Command(name = "crd", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Print the RaftCluster and RaftRestore CustomResourceDefinitions generated at build time (the "
            + "documents of controller-app/deploy/crd.yaml and restore-crd.yaml, separated by ---), for kubectl "
            + "apply -f -. No options but --help and --version."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the CRDs were printed", "1:a CRD is missing from the jar (a broken build)",
            "2:a bad option (one line)"})
public final class CrdCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        StringBuilder out = new StringBuilder();
        for (String resource : List.of(Fabric8Adapters.CRD_RESOURCE, Fabric8Adapters.RESTORE_CRD_RESOURCE)) {
            try (InputStream in = Fabric8Adapters.class.getResourceAsStream(resource)) {
                if (in == null) {
                    System.err.println("raftops: the generated CRD is missing from the jar (" + resource + ")");
                    return 1;
                }
                String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                out.append(out.length() == 0 ? "" : "---\n").append(yaml.endsWith("\n") ? yaml : yaml + "\n");
            }
        }
        System.out.print(out);
        return 0;
    }
}
