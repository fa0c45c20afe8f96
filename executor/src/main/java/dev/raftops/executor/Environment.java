package dev.raftops.executor;

import java.util.Map;
import java.util.Optional;

/** The Job's environment variables: a missing required one is a refusal naming it. */
public record Environment(Map<String, String> variables) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    public static Environment of(Map<String, String> variables) {
        return new Environment(variables);
    }

    /** The value of {@code name}; refused (exit 2) when it is unset or blank. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> ActionFailure.refused(name + " is not set"));
    }

    public Optional<String> optional(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String optional(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    /** A whole number of at least {@code min}; refused when it does not parse. */
    public long number(String name, long fallback, long min) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value < min) {
                throw ActionFailure.refused(name + " must be at least " + min + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ActionFailure.refused(name + " must be a whole number, got \"" + raw.get() + "\"");
        }
    }

    /** {@code true} or {@code false}; refused on anything else. */
    public boolean flag(String name, boolean fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ActionFailure.refused(name + " must be true or false, got \"" + raw.get() + "\"");
        };
    }
}
