package dev.raftops.sandbox;

import dev.raftops.executor.Executor;
import dev.raftops.simulator.runtime.JobPlayer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays each executor Job with the real executor, in this process ({@link Executor#run}, the code
 * behind {@code raftops-executor.jar}'s main), on a thread of its own, with the environment the
 * controller rendered into the Job. Only what a person's machine has in place of a pod changes: the
 * pod addresses (cluster DNS) become the loopback API of the pods, the projected token and the result
 * file are files in a folder of the run's, and the object store's credentials stand in for the pod's
 * own (docs/decisions/sandbox-runs-the-real-executor.md). The program's log goes to the sandbox's log.
 */
public final class InProcessExecutor implements JobPlayer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessExecutor.class);

    private final Path folder;
    private final Map<String, String> credentials;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "executor-job");
        t.setDaemon(true);
        return t;
    });

    /** Runs in {@code folder} (a sub-folder per Job), with {@code credentials} for the object store. */
    public InProcessExecutor(Path folder, Map<String, String> credentials) {
        this.folder = folder;
        this.credentials = Map.copyOf(credentials);
    }

    @Override
    public CompletableFuture<JobEnd> start(JobRun run) {
        Path dir;
        try {
            dir = Files.createDirectories(folder.resolve(run.job()));
            Files.writeString(dir.resolve("token"), run.token() + "\n", StandardCharsets.US_ASCII);
            Files.deleteIfExists(dir.resolve("termination-log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = environment(run, dir);
        return CompletableFuture.supplyAsync(() -> run(run, env, dir), threads);
    }

    /** The Job's environment with the machine's stand-ins for what a pod has. */
    Map<String, String> environment(JobRun run, Path dir) {
        Map<String, String> env = new LinkedHashMap<>(run.env());
        env.put("RAFTOPS_POD_ADDRESS", run.podAddress());
        env.put("RAFTOPS_TOKEN_FILE", dir.resolve("token").toString());
        env.put("RAFTOPS_RESULT_FILE", dir.resolve("termination-log").toString());
        credentials.forEach(env::putIfAbsent);
        return env;
    }

    private JobEnd run(JobRun run, Map<String, String> env, Path dir) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int exit;
        try (PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            exit = Executor.run(run.args().toArray(String[]::new), env, Clock.systemUTC(), err);
        }
        for (String line : log.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                LOG.info("{}: {}", run.job(), line);
            }
        }
        String result;
        try {
            result = Files.readString(dir.resolve("termination-log"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            result = "";
        }
        return new JobEnd(exit, result);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
