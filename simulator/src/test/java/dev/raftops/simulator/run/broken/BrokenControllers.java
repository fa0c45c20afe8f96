package dev.raftops.simulator.run.broken;

import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.OperationFamily;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.ports.service.AdminOpsService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The standard families with the rolling decision swapped for a deliberately broken one. */
public final class BrokenControllers {

    private BrokenControllers() {
    }

    public static List<OperationFamily> withRolling(Function<DecisionInput, Decision> rolling) {
        List<OperationFamily> families = new ArrayList<>();
        for (OperationFamily family : AdminOpsService.standardFamilies()) {
            families.add(family.operation() == Operation.Upgrade ? new OperationFamily(Operation.Upgrade, rolling) : family);
        }
        return families;
    }
}
