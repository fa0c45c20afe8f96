package dev.raftops.executor.action;

import dev.raftops.executor.ActionFailure;
import dev.raftops.executor.Environment;
import dev.raftops.executor.openbao.Health;
import java.util.List;
import java.util.Optional;

/**
 * {@code step-down}: when the target pod does not lead, done ("not leading"); else
 * {@code PUT /v1/sys/step-down} on it, done only when another member reports itself active within
 * the deadline. The target is asked again just before the call, so a leadership change since the
 * first look never steps down the new leader (OpenBao forwards a standby's step-down to the active
 * node: internal/http/handler.go handleForwardIfStandby).
 */
public record StepDown(String target) implements Action {

    static StepDown from(Environment env) {
        return new StepDown(env.required("RAFTOPS_TARGET_POD"));
    }

    @Override
    public String name() {
        return "step-down";
    }

    @Override
    public String run(ActionContext c) {
        if (!c.api().members().pods().contains(target)) {
            throw ActionFailure.refused("RAFTOPS_TARGET_POD " + target + " is not in RAFTOPS_PODS " + c.api().members().pods());
        }
        List<Health> survey = c.api().survey();
        Optional<String> leader = survey.stream().filter(Health::active).map(Health::pod).findFirst();
        c.facts().put("previousLeader", leader.orElse(null));
        Health targetHealth = survey.stream().filter(h -> h.pod().equals(target)).findFirst().orElseThrow();
        if (!targetHealth.active()) {
            if (targetHealth.state() == Health.State.UNREACHABLE && leader.isEmpty()) {
                throw ActionFailure.retryable("cannot tell who leads: " + target + " is unreachable and no other member "
                        + "reports itself active");
            }
            c.facts().put("newLeader", leader.orElse(null));
            return target + " is not leading (" + targetHealth.state().name().toLowerCase(java.util.Locale.ROOT) + ")"
                    + leader.map(l -> "; " + l + " leads").orElse("");
        }
        if (!c.api().health(target).active()) {
            Optional<String> now = c.api().leader();
            c.facts().put("newLeader", now.orElse(null));
            return target + " stopped leading before the step-down" + now.map(l -> "; " + l + " leads").orElse("");
        }
        c.log().info("asking " + target + " to step down");
        c.api().stepDown(target);
        String next = c.until("another member than " + target + " reports itself active",
                () -> c.api().leader().filter(l -> !l.equals(target)));
        c.facts().put("newLeader", next);
        return target + " stepped down; " + next + " leads";
    }
}
