package dev.raftops.domain.bluegreen;

import dev.raftops.domain.resource.BlueGreenSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The pre-promotion hook's command and arguments as Job parameters ({@code command.0}, {@code args.0}, ...). */
final class HookParameters {

    private HookParameters() {
    }

    static Map<String, String> of(BlueGreenSpec.PrePromotionHook hook) {
        Map<String, String> p = new TreeMap<>();
        put(p, "command", hook.command());
        put(p, "args", hook.args());
        return p;
    }

    private static void put(Map<String, String> p, String key, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            p.put(key + "." + i, values.get(i));
        }
    }
}
