package dev.raftops.executor;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;

/**
 * {@code java -jar raftops-executor.jar ACTION}. Besides the run's own deadline checks, a watchdog
 * ends the process (exit 1, result written) a few seconds after {@code RAFTOPS_DEADLINE_SECONDS},
 * whatever a stalled stream is doing.
 */
public final class ExecutorMain {

    static final Duration GRACE = Duration.ofSeconds(5);

    private ExecutorMain() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        watchdog(args, env);
        System.exit(Executor.run(args, env, Clock.systemUTC(), System.err));
    }

    private static void watchdog(String[] args, Map<String, String> env) {
        long seconds;
        try {
            seconds = Executor.deadlineSeconds(Environment.of(env));
        } catch (ActionFailure e) {
            return; // the run itself refuses the bad value
        }
        Timer timer = new Timer("deadline-watchdog", true);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                String action = args.length > 0 ? args[0] : env.getOrDefault("RAFTOPS_ACTION", "");
                Outcome late = Outcome.of(action, ActionFailure.retryable("the deadline of " + seconds
                        + " s passed before the action finished"), new LinkedHashMap<>());
                System.err.println(late.result() + ": " + late.message());
                try {
                    java.nio.file.Files.write(java.nio.file.Path.of(env.getOrDefault("RAFTOPS_RESULT_FILE",
                            Executor.DEFAULT_RESULT_FILE)), ResultJson.of(late));
                } catch (java.io.IOException | RuntimeException ignored) {
                    // the exit code still says it
                }
                Runtime.getRuntime().halt(late.exitCode());
            }
        }, Duration.ofSeconds(seconds).plus(GRACE).toMillis());
    }
}
