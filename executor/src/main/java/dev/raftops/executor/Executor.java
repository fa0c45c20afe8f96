package dev.raftops.executor;

import dev.raftops.executor.action.Action;
import dev.raftops.executor.action.ActionContext;
import dev.raftops.executor.http.Deadline;
import dev.raftops.executor.http.WorkloadHttp;
import dev.raftops.executor.openbao.Login;
import dev.raftops.executor.openbao.Members;
import dev.raftops.executor.openbao.OpenBaoApi;
import dev.raftops.executor.storage.SnapshotStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * One run: read the environment (the first missing variable refuses, exit 2), run the action, write
 * one JSON result object to {@code RAFTOPS_RESULT_FILE} (default {@code /dev/termination-log}) and
 * answer the exit code. See docs/reference/executor.md.
 */
public final class Executor {

    public static final String DEFAULT_RESULT_FILE = "/dev/termination-log";
    public static final long DEFAULT_DEADLINE_SECONDS = 600;

    private Executor() {
    }

    public static int run(String[] args, Map<String, String> variables, Clock clock, PrintStream err) {
        Environment env = Environment.of(variables);
        Log log = new Log(err, clock);
        String action = args.length > 0 ? args[0] : env.optional("RAFTOPS_ACTION", "");
        Map<String, Object> facts = new LinkedHashMap<>();
        Outcome outcome;
        try {
            outcome = Outcome.succeeded(action, execute(action, env, clock, log, facts), facts);
        } catch (ActionFailure e) {
            outcome = Outcome.of(action, e, facts);
        } catch (RuntimeException e) {
            outcome = Outcome.of(action, ActionFailure.retryable("unexpected " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())), facts);
        }
        log.info(outcome.result() + ": " + outcome.message());
        write(Path.of(env.optional("RAFTOPS_RESULT_FILE", DEFAULT_RESULT_FILE)), outcome, log);
        return outcome.exitCode();
    }

    private static String execute(String name, Environment env, Clock clock, Log log, Map<String, Object> facts) {
        if (name.isEmpty()) {
            throw ActionFailure.refused("no action: run as raftops-executor ACTION (or set RAFTOPS_ACTION)");
        }
        env.optional("RAFTOPS_ACTION").filter(a -> !a.equals(name)).ifPresent(a -> {
            throw ActionFailure.refused("the argument says " + name + " but RAFTOPS_ACTION says " + a);
        });
        String cluster = env.required("RAFTOPS_CLUSTER");
        String namespace = env.required("RAFTOPS_NAMESPACE");
        Members members = new Members(Members.parse(env.required("RAFTOPS_PODS")),
                env.optional("RAFTOPS_POD_ADDRESS", Members.DEFAULT_ADDRESS),
                env.optional("RAFTOPS_SERVICE", cluster + "-internal"), namespace);
        Path tokenFile = Path.of(env.required("RAFTOPS_TOKEN_FILE"));
        String mount = env.required("RAFTOPS_AUTH_MOUNT");
        String role = env.required("RAFTOPS_AUTH_ROLE");
        Deadline deadline = Deadline.in(Duration.ofSeconds(deadlineSeconds(env)), clock);
        Optional<Path> caFile = env.optional("RAFTOPS_CA_FILE").map(Path::of);
        if (caFile.isPresent() && !Files.exists(caFile.get())) {
            // the controller mounts the optional Secret <cluster>-tls-ca; without it the JDK's trust store applies
            log.info("no CA file at " + caFile.get() + "; trusting the JDK's trust store");
            caFile = Optional.empty();
        }
        Action action = Action.parse(name, env);
        WorkloadHttp http = new WorkloadHttp(WorkloadHttp.client(caFile.orElse(null)), deadline, log, new SecureRandom());
        OpenBaoApi api = new OpenBaoApi(http, members, new Login(http, tokenFile, mount, role));
        AwsCredentialsProvider credentials = credentials(env);
        ActionContext context = new ActionContext(cluster, namespace, api,
                target -> new SnapshotStore(SnapshotStore.client(target, credentials), target.bucket()),
                caFile.map(Executor::pem).orElse(null), deadline, clock, log, facts);
        log.info(name + " for " + namespace + "/" + cluster + " on " + members.pods() + ", deadline " + deadline.remaining().toSeconds() + " s");
        return action.run(context);
    }

    public static long deadlineSeconds(Environment env) {
        return env.number("RAFTOPS_DEADLINE_SECONDS", DEFAULT_DEADLINE_SECONDS, 1);
    }

    /**
     * The AWS SDK's default chain, except that access keys given in this run's environment are used
     * as that chain's environment step would (so an embedding caller's map is honoured too).
     */
    static AwsCredentialsProvider credentials(Environment env) {
        Optional<String> id = env.optional("AWS_ACCESS_KEY_ID");
        Optional<String> secret = env.optional("AWS_SECRET_ACCESS_KEY");
        if (id.isPresent() && secret.isPresent()) {
            Optional<String> session = env.optional("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(session.isPresent()
                    ? AwsSessionCredentials.create(id.get(), secret.get(), session.get())
                    : AwsBasicCredentials.create(id.get(), secret.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static String pem(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw ActionFailure.refused("RAFTOPS_CA_FILE " + file + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static void write(Path file, Outcome outcome, Log log) {
        try {
            Files.write(file, ResultJson.of(outcome));
        } catch (IOException | RuntimeException e) {
            log.info("could not write the result to " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
