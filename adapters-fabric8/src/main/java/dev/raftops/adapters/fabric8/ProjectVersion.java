package dev.raftops.adapters.fabric8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version this build of raftops carries (from the filtered {@code raftops-version.properties}),
 * which tags the default executor image: {@code ghcr.io/raftops/executor:<version>}, never
 * {@code latest}, so a controller always starts the executor it was released with.
 */
public final class ProjectVersion {

    public static final String EXECUTOR_REPOSITORY = "ghcr.io/raftops/executor";

    private ProjectVersion() {
    }

    public static String value() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream("raftops-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("raftops-version.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String executorImage() {
        return EXECUTOR_REPOSITORY + ":" + value();
    }
}
