package dev.raftops.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar <the packaged controller jar> run ...} as a child process, the way a pod runs it:
 * its own kubeconfig (a user with its own bearer token, so the API server tells the processes apart),
 * {@code POD_NAME} as its Lease identity, and nothing of this machine's Kubernetes settings.
 */
public final class RunProcess implements AutoCloseable {

    /** The system property naming the packaged jar (set by this module's surefire configuration). */
    static final String JAR_PROPERTY = "raftops.controller.jar";

    private final String identity;
    private final Process process;
    private final Path output;

    private RunProcess(String identity, Process process, Path output) {
        this.identity = identity;
        this.process = process;
        this.output = output;
    }

    /** The packaged jar; fails, saying how to build it, when it is missing or older than the classes beside it. */
    static Path jar() {
        String property = System.getProperty(JAR_PROPERTY);
        if (property == null || property.isBlank() || !Files.isRegularFile(Path.of(property))) {
            throw new IllegalStateException("no packaged controller jar at -D" + JAR_PROPERTY + "=" + property
                    + ": run the reactor through package (mvn -B -ntp -pl acceptance-tests -am verify)");
        }
        Path jar = Path.of(property);
        // a jar older than the classes beside it was packaged before the last compile: it is not the code under test
        Path classes = jar.resolveSibling("classes");
        try (var files = Files.exists(classes) ? Files.walk(classes) : java.util.stream.Stream.<Path>empty()) {
            long jarTime = Files.getLastModifiedTime(jar).toMillis();
            Path newer = files.filter(Files::isRegularFile).filter(f -> lastModified(f) > jarTime).findFirst()
                    .orElse(null);
            if (newer != null) {
                throw new IllegalStateException(jar + " is older than " + newer + ": package it again (mvn -B -ntp "
                        + "-pl acceptance-tests -am verify)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code run} with {@code args} as {@code identity} against the API server at {@code server}
     * (http, loopback); its kubeconfig, home and output live in {@code dir}.
     */
    public static RunProcess start(String identity, String server, String namespace, Path dir, List<String> args) {
        return start(identity, identity, server, namespace, dir, args);
    }

    /**
     * As {@link #start(String, String, String, Path, List)} sending {@code token} as its bearer token
     * (one per incarnation, so the API server's audit tells a restarted process from the one before);
     * its kubeconfig and output are named by the token.
     */
    public static RunProcess start(String identity, String token, String server, String namespace, Path dir,
            List<String> args) {
        try {
            Path home = Files.createDirectories(dir.resolve(identity + "-home"));
            Path kubeconfig = dir.resolve(token + ".kubeconfig");
            Files.writeString(kubeconfig, String.join("\n",
                    "apiVersion: v1",
                    "kind: Config",
                    "clusters:",
                    "- name: embedded",
                    "  cluster:",
                    "    server: " + server,
                    "users:",
                    "- name: " + identity,
                    "  user:",
                    "    token: " + token,
                    "contexts:",
                    "- name: embedded",
                    "  context:",
                    "    cluster: embedded",
                    "    user: " + identity,
                    "    namespace: " + namespace,
                    "current-context: embedded", ""));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                    jar().toString(), "run"));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            Path output = dir.resolve(token + ".log");
            builder.redirectOutput(output.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("KUBERNETES") || name.startsWith("JAVA_TOOL")
                    || name.startsWith("POD_"));
            env.put("HOME", home.toString());
            env.put("KUBECONFIG", kubeconfig.toString());
            env.put("POD_NAME", identity);
            env.put("POD_NAMESPACE", namespace);
            return new RunProcess(identity, builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String identity() {
        return identity;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGSTOP: the process is frozen (a long GC pause, a stopped VM, a throttled container) until {@link #resume()}. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}: every thread goes on where it stood, its clocks having jumped. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited " + kill.exitValue());
        }
    }

    /** SIGKILL, as a node failure or the OOM killer does: no shutdown hook, no Lease release. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(identity + " still runs 10 s after SIGKILL");
        }
    }

    /** SIGTERM, as the kubelet stops a pod; the exit code once the process ended. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(identity + " still runs 30 s after SIGTERM");
        }
        return process.exitValue();
    }

    /** The last lines the process printed, for a failure message. */
    public String tail(int lines) {
        try {
            List<String> all = Files.exists(output) ? Files.readAllLines(output) : List.of();
            return identity + (process.isAlive() ? " (running)" : " (exited " + process.exitValue() + ")") + ":\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return identity + ": " + e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
