package dev.raftops.controller.cli;

import dev.raftops.controller.cli.PlanCommand.Plan;
import dev.raftops.domain.bluegreen.BlueGreenReasons;
import dev.raftops.domain.bluegreen.CutoverPlan.Stage;
import dev.raftops.domain.bluegreen.CutoverPlan.StageState;
import dev.raftops.domain.bluegreen.CutoverPlan.Step;
import dev.raftops.domain.bluegreen.CutoverPlan;
import dev.raftops.domain.resource.RollingProgress.PlanStep;
import dev.raftops.domain.rolling.ProgressPreview;
import dev.raftops.domain.rolling.RollReason;
import dev.raftops.domain.version.SemVer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** How {@code raftops plan} shows its plans to a person: aligned text, one block per cluster. */
final class PlanReport {

    private PlanReport() {
    }

    static String text(List<Plan> plans) {
        return plans.stream().map(PlanReport::text).collect(Collectors.joining("\n"));
    }

    /** One sentence on what happens as the document stands. */
    static String summary(Plan p) {
        if (p.latched()) {
            return "blocked (" + BlueGreenReasons.TARGET_LATCHED + "): " + p.cutover().latched();
        }
        if (p.blocked()) {
            return "blocked (" + p.preview().reason() + "): raftops writes the Upgrading condition and a Warning "
                    + "Event, nothing else";
        }
        if (p.nothingToDo()) {
            return p.current() == null
                    ? "nothing to upgrade yet: status.currentVersion is not known; raftops records it once the "
                            + "StatefulSet runs " + p.desired() + " with every pod Ready"
                    : "nothing to do: the cluster runs " + p.current() + ", the version spec.version asks for";
        }
        if (p.rolling() != null) {
            return (p.rolling().reason() instanceof RollReason.VersionChange ? "rolling upgrade to "
                    + p.rolling().targetVersion() : p.rolling().reason().summary("->")) + " in flight; "
                    + p.rolling().done().size() + " ordinal(s) done";
        }
        if (p.cutover() != null && p.inFlight()) {
            return "blue/green attempt " + p.cutover().attemptId() + " to " + p.cutover().greenVersion() + " in "
                    + p.cutover().phase();
        }
        if ("image".equals(p.preview().drift())) {
            return p.strategy().wireName() + " image change will run: " + p.preview().message();
        }
        return p.strategy().wireName() + " upgrade " + p.current() + " -> " + canonical(p.desired()) + " will run";
    }

    private static String text(Plan p) {
        StringBuilder s = new StringBuilder();
        line(s, "cluster", p.cluster());
        line(s, "strategy", p.strategy().wireName());
        line(s, "drift", p.preview().drift() + " (" + Objects.toString(p.current(), "unknown") + " -> " + p.desired() + ")");
        if (!p.nothingToDo()) {
            line(s, "allowed", p.preview().allowed() + (p.preview().reason() == null ? ""
                    : " (" + p.preview().reason() + ": " + p.preview().message() + ")"));
        }
        if ("image".equals(p.preview().drift()) && !p.inFlight()) {
            line(s, "roll", p.preview().message());
        }
        p.preview().warnings().forEach(w -> line(s, "warning", w));
        line(s, "plan", summary(p));
        if (p.rolling() != null) {
            rolling(s, p, p.rolling());
        } else if (p.cutover() != null) {
            if (p.inFlight() && !canonical(p.desired()).equals(p.cutover().greenVersion())) {
                line(s, "note", "spec.version " + p.desired() + " is not the attempt's frozen target "
                        + p.cutover().greenVersion() + ": the attempt unwinds (aborts before promotion, rolls back "
                        + "after) instead of changing target");
            }
            cutover(s, p.cutover());
        } else if (p.preview().allowed()) {
            s.append("steps:     highest ordinal first, one pod at a time\n");
            steps(s, p.preview().steps());
        }
        return s.toString();
    }

    private static void rolling(StringBuilder s, Plan p, ProgressPreview r) {
        if (!SemVer.canonical(p.desired()).equals(r.targetVersion())) {
            line(s, "note", "spec.version " + p.desired() + " differs from the upgrade's target " + r.targetVersion()
                    + ": the upgrade is retargeted and every pod rolls again, highest ordinal first");
        }
        if (r.reason() instanceof RollReason.VersionChange) {
            line(s, "upgrade", r.fromVersion() + " -> " + r.targetVersion() + ", attempt " + r.attempt());
        } else {
            // a restart or an image change keeps the version: "upgrade 2.4.0 -> 2.4.0" would say nothing
            line(s, "roll", r.reason().summary("->") + ", attempt " + r.attempt());
        }
        line(s, "done", r.done().isEmpty() ? "no ordinal yet" : "ordinals " + r.done().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")));
        line(s, "now", now(r));
        line(s, "waits for", r.waitsFor());
        s.append("next:").append(r.next().isEmpty() ? "      nothing after it\n" : "\n");
        steps(s, r.next());
    }

    private static String now(ProgressPreview r) {
        return switch (r.stage()) {
            case FAILED -> "ordinal " + r.current() + ": failed";
            case SNAPSHOT -> "the pre-upgrade snapshot; no pod touched yet";
            case STEPPING_DOWN -> "ordinal " + r.current() + ": step-down requested, then restart";
            case STEP_DOWN_NEXT -> "ordinal " + r.current() + ": step-down first, then restart";
            case RELEASE_NEXT -> "ordinal " + r.current() + ": restart";
            case RELEASED -> "ordinal " + r.current() + ": released, rolling to " + r.reason().target();
            case FINISHING -> "every ordinal done; then " + r.reason().outcome();
        };
    }

    private static void steps(StringBuilder s, List<PlanStep> steps) {
        for (PlanStep step : steps) {
            s.append("  ordinal ").append(step.ordinal())
                    .append(step.stepDown() ? "  step-down first, then restart\n" : "  restart\n");
        }
    }

    private static void cutover(StringBuilder s, CutoverPlan c) {
        line(s, "blue", Objects.toString(c.blueStatefulSet(), "unknown") + " (serving)");
        line(s, "green", c.greenStatefulSet() + " (" + c.greenReplicas() + " replicas of " + c.greenVersion() + ")");
        line(s, "promotion", c.manualPromotion()
                ? "manual: holds in Syncing until spec.upgrade.requests.promote is set"
                : "automatic once Green is in sync");
        line(s, "jobs", c.attemptId() == null
                ? "named <cluster>-<action>-<attempt id>-<blue revision>-<green revision>-run<n>; the attempt id "
                        + "is drawn when the attempt starts"
                : "of attempt " + c.attemptId());
        if (c.waitsFor() != null) {
            line(s, "waits for", c.waitsFor());
        }
        s.append("phases:\n");
        int n = 1;
        for (Stage stage : c.stages()) {
            s.append("  ").append(n++).append(". ").append(stage.phase())
                    .append(stage.state() == StageState.NEXT ? "" : " [" + state(stage.state()) + "]").append('\n');
            for (Step step : stage.steps()) {
                s.append("       ").append(step.done() ? "[x] " : "- ")
                        .append(step.kind().name().toLowerCase(Locale.ROOT)).append(' ')
                        .append(step.action() == null ? "" : step.action().wireName()
                                + (step.job() == null ? "" : " (Job " + step.job() + ")") + ": ")
                        .append(step.what()).append('\n');
            }
        }
    }

    private static String state(StageState state) {
        return state == StageState.CURRENT ? "now" : "done";
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append(String.format("%-11s", label + ":")).append(value).append('\n');
    }

    private static String canonical(String version) {
        return SemVer.canonical(version);
    }

}
