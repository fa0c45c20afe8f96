package dev.raftops.controller.cli;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code raftops crd}: prints the RaftCluster CRD generated at build time. */
@Command(name = "crd", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Print the RaftCluster CustomResourceDefinition YAML generated at build time (the same document "
            + "as controller-app/deploy/crd.yaml), for kubectl apply -f -. No options but --help and --version."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the CRD was printed", "1:the CRD is missing from the jar (a broken build)",
            "2:a bad option (one line)"})
public final class CrdCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        try (InputStream in = Fabric8Adapters.class.getResourceAsStream(Fabric8Adapters.CRD_RESOURCE)) {
            if (in == null) {
                System.err.println("raftops: the generated CRD is missing from the jar (" + Fabric8Adapters.CRD_RESOURCE + ")");
                return 1;
            }
            System.out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return 0;
    }
}
