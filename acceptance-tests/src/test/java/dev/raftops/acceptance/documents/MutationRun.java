package dev.raftops.acceptance.documents;

import dev.raftops.acceptance.documents.Mutation.Expect;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mutation applied to one cluster in the middle of a rolling upgrade, judged as the issue asks:
 * the controller stays up and ready; a condition (or, for a status edit, an Event) names the field;
 * nothing disruptive follows once the controller has seen an invalid document; fixing the document
 * lets the upgrade finish. Every failed check is a violation, a sentence naming the mutation.
 */
final class MutationRun {

    /** How long a reaction may take on a loaded machine. */
    static final Duration REACTION = Duration.ofSeconds(20);
    /** How long an invalid document is left in place, for the controller to do something wrong. */
    static final Duration HOLD = Duration.ofMillis(1200);
    static final Duration CONVERGE = Duration.ofSeconds(60);
    private static final Pattern PARTITION = Pattern.compile("\"value\":(-?\\d+)");

    private final DocumentWorld world;
    private final String cluster;
    private final List<String> violations = new ArrayList<>();

    MutationRun(DocumentWorld world, String cluster) {
        this.world = world;
        this.cluster = cluster;
    }

    /** What one run found: where the mutation landed, whether it changed anything, the violations. */
    record Outcome(Mutation mutation, boolean midUpgrade, boolean noOp, List<String> violations) {
    }

    /** Runs {@code m} during the upgrade from {@code from} to {@code to}. */
    Outcome run(Mutation m, String from, String to, boolean afterFirstRelease) {
        Map<String, Object> spec = world.spec(cluster);
        spec.put("version", to);
        world.replace(cluster, "spec", spec);
        boolean mid = await(() -> upgrading(afterFirstRelease) || converged(to)) && !converged(to);
        Map<String, Object> validSpec = world.spec(cluster);
        String part = m.status() ? "status" : "spec";
        Map<String, Object> before = world.part(cluster, part);
        Map<String, Object> document = new java.util.LinkedHashMap<>();
        document.put(part, world.part(cluster, part));
        applyTo(m, document);
        boolean noOp = before.equals(document.get(part));
        if (noOp) {
            m = new Mutation(m.index(), m.type(), m.field(), m.remove(), m.value(), Expect.TOLERATED);
        }
        world.record(cluster, "operator", "mutation " + m.describe());
        world.replace(cluster, part, document.get(part));
        long generation = world.read(cluster).getMetadata().getGeneration();

        String field = m.field().split("\\+")[0];
        boolean reported = switch (m.expect()) {
            case INVALID -> await(() -> conditionNames(field, generation));
            case STATUS_EDITED -> await(() -> eventNames(field));
            case TOLERATED -> true;
        };
        if (!reported) {
            violations.add(m.describe() + ": no " + (m.expect() == Expect.INVALID ? "condition" : "StatusEdited Event")
                    + " names " + field + " within " + REACTION.toSeconds() + " s (generation " + generation + "); status: "
                    + world.part(cluster, "status"));
        }
        int seen = world.trace(cluster).size();
        sleep(HOLD);
        if (!world.ready()) {
            violations.add(m.describe() + ": the controller is not ready (/readyz) after the mutation");
        }
        if (m.expect() == Expect.INVALID && reported) {
            List<String> after = world.trace(cluster);
            for (String line : disruptive(after, seen, partitionBefore(after, seen))) {
                violations.add(m.describe() + ": a disruptive write after the controller reported the document: "
                        + line);
            }
        }
        if (!m.status()) {
            world.record(cluster, "operator", "fix " + m.index());
            world.replace(cluster, "spec", validSpec);
        }
        if (!await(CONVERGE, () -> converged(to))) {
            violations.add(m.describe() + ": after the fix the upgrade to " + to + " did not finish; status "
                    + world.part(cluster, "status"));
        }
        if (!world.ready()) {
            violations.add(m.describe() + ": the controller is not ready (/readyz) at the end");
        }
        return new Outcome(m, mid, noOp, List.copyOf(violations));
    }

    /** Contradictions edit two fields; every other mutation one. */
    private static void applyTo(Mutation m, Map<String, Object> document) {
        switch (m.field()) {
            case "spec.upgrade.preUpgradeSnapshot+spec.backup" -> {
                new Mutation(m.index(), m.type(), "spec.upgrade.preUpgradeSnapshot", false, true, m.expect())
                        .applyTo(document);
                new Mutation(m.index(), m.type(), "spec.backup", true, null, m.expect()).applyTo(document);
            }
            case "spec.tls.disabled+spec.tls.secretName" -> {
                new Mutation(m.index(), m.type(), "spec.tls.disabled", false, true, m.expect()).applyTo(document);
                new Mutation(m.index(), m.type(), "spec.tls.secretName", false, "bao-tls", m.expect())
                        .applyTo(document);
            }
            default -> m.applyTo(document);
        }
    }

    /** Waits until a new cluster runs {@code version}. */
    static boolean awaitRunning(DocumentWorld world, String cluster, String version) {
        return await(CONVERGE, () -> version.equals(world.part(cluster, "status").get("currentVersion")));
    }

    private boolean upgrading(boolean afterFirstRelease) {
        Map<String, Object> status = world.part(cluster, "status");
        if (!(status.get("upgrade") instanceof Map<?, ?> upgrade)) {
            return false;
        }
        return !afterFirstRelease || upgrade.get("completedOrdinals") instanceof List<?> done && !done.isEmpty();
    }

    private boolean converged(String to) {
        Map<String, Object> status = world.part(cluster, "status");
        return to.equals(status.get("currentVersion")) && status.get("upgrade") == null
                && conditions().stream().noneMatch(c -> "Degraded".equals(c.get("type")) && "True".equals(c.get("status")));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> conditions() {
        Object list = world.part(cluster, "status").get("conditions");
        return list instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** A condition decided on the mutated generation (or later) names the field, whatever its type and status. */
    private boolean conditionNames(String field, long generation) {
        return conditions().stream().anyMatch(c -> c.get("observedGeneration") instanceof Number n
                && n.longValue() >= generation && String.valueOf(c.get("message")).contains(field));
    }

    /** The StatusEdited Event names the field or a part above it ({@code status.upgrade}, when the part was dropped). */
    private boolean eventNames(String field) {
        for (Event e : world.events(cluster)) {
            if (!"StatusEdited".equals(e.getReason()) || e.getMessage() == null) {
                continue;
            }
            for (String named : e.getMessage().split(" changed by")[0].split(", ")) {
                if (field.equals(named) || field.startsWith(named + ".") || named.startsWith(field + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int partitionBefore(List<String> lines, int end) {
        int partition = Integer.MAX_VALUE;
        for (int i = 0; i < end; i++) {
            if (lines.get(i).contains("\"kind\":\"sts.partition\"")) {
                partition = value(lines.get(i));
            }
        }
        return partition;
    }

    /** Lines from {@code from} that take a voter down: a lower partition, a step-down Job, a pod or StatefulSet deleted by the controller. */
    static List<String> disruptive(List<String> lines, int from, int partition) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.contains("\"kind\":\"sts.partition\"")) {
                int v = value(l);
                if (v < partition) {
                    out.add(l);
                }
                partition = v;
            } else if (l.contains("\"kind\":\"job.created\"") && l.contains("\"action\":\"step-down\"")
                    || l.contains("\"kind\":\"sts.deleted\"")
                    || l.contains("\"kind\":\"pod.deleted\"") && !l.contains("\"cause\":\"rollout\"")
                            && !l.contains("\"cause\":\"crash\"") && !l.contains("\"cause\":\"garbage-collection\"")) {
                out.add(l);
            }
        }
        return out;
    }

    private static int value(String line) {
        Matcher m = PARTITION.matcher(line);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    private static boolean await(BooleanSupplier done) {
        return await(REACTION, done);
    }

    private static boolean await(Duration limit, BooleanSupplier done) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (done.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // a read racing a write: ask again
            }
            sleep(Duration.ofMillis(100));
        }
        return done.getAsBoolean();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return Objects.toString(cluster);
    }
}
