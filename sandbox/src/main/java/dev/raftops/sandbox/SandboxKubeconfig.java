package dev.raftops.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A kubeconfig for the sandbox's API server, so kubectl and {@code raftops status} can look at it. */
public final class SandboxKubeconfig {

    private SandboxKubeconfig() {
    }

    /** Writes it to {@code file} (owner-readable only): context {@code raftops-sandbox}, namespace {@code namespace}. */
    public static void write(Path file, String server, String namespace) throws IOException {
        String text = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: raftops-sandbox
                  cluster:
                    server: %s
                users:
                - name: raftops-sandbox
                  user:
                    token: sandbox
                contexts:
                - name: raftops-sandbox
                  context:
                    cluster: raftops-sandbox
                    user: raftops-sandbox
                    namespace: %s
                current-context: raftops-sandbox
                """.formatted(server.replaceAll("/+$", ""), namespace);
        Files.writeString(file, text);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file stays as created
        }
    }
}
