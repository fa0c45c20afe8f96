package dev.raftops.controller.cli;

import dev.raftops.controller.cli.PlanCommand.Plan;
import dev.raftops.domain.bluegreen.CutoverPlan;
import dev.raftops.domain.resource.RollingProgress.PlanStep;
import dev.raftops.domain.rolling.ProgressPreview;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code raftops plan --output json}: one object for one document, an array for several. */
final class PlanJson {

    private PlanJson() {
    }

    static String json(List<Plan> plans) {
        Object doc = plans.size() == 1 ? json(plans.get(0)) : plans.stream().map(PlanJson::json).toList();
        return new KubernetesSerialization().asJson(doc) + "\n";
    }

    static Map<String, Object> json(Plan p) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cluster", p.cluster());
        doc.put("strategy", p.strategy().wireName());
        doc.put("drift", p.preview().drift());
        doc.put("allowed", p.preview().allowed());
        doc.put("reason", p.preview().reason());
        doc.put("message", p.preview().message());
        doc.put("summary", PlanReport.summary(p));
        doc.put("steps", p.rolling() != null || p.cutover() != null || !p.preview().allowed() ? List.of()
                : p.preview().steps().stream().map(PlanJson::step).toList());
        doc.put("warnings", List.copyOf(p.preview().warnings()));
        if (p.rolling() != null) {
            ProgressPreview r = p.rolling();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fromVersion", r.fromVersion());
            m.put("targetVersion", r.targetVersion());
            m.put("roll", r.reason().summary("->"));
            m.put("attempt", r.attempt());
            m.put("done", r.done());
            m.put("current", r.current());
            m.put("stage", r.stage().name());
            m.put("waitsFor", r.waitsFor());
            m.put("next", r.next().stream().map(PlanJson::step).toList());
            doc.put("inFlight", m);
        }
        if (p.cutover() != null) {
            doc.put("blueGreen", json(p.cutover()));
        }
        return doc;
    }

    private static Map<String, Object> json(CutoverPlan c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blueStatefulSet", c.blueStatefulSet());
        m.put("greenStatefulSet", c.greenStatefulSet());
        m.put("greenVersion", c.greenVersion());
        m.put("greenReplicas", c.greenReplicas());
        m.put("manualPromotion", c.manualPromotion());
        m.put("attemptId", c.attemptId());
        m.put("phase", c.phase().name());
        m.put("waitsFor", c.waitsFor());
        m.put("latched", c.latched());
        m.put("phases", c.stages().stream().map(stage -> {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("phase", stage.phase().name());
            st.put("state", stage.state().name().toLowerCase(Locale.ROOT));
            st.put("steps", stage.steps().stream().map(step -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("kind", step.kind().name().toLowerCase(Locale.ROOT));
                one.put("action", step.action() == null ? null : step.action().wireName());
                one.put("job", step.job());
                one.put("what", step.what());
                one.put("done", step.done());
                return one;
            }).toList());
            return st;
        }).toList());
        return m;
    }

    private static Map<String, Object> step(PlanStep step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ordinal", step.ordinal());
        m.put("stepDown", step.stepDown());
        return m;
    }
}
