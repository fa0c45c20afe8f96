package dev.raftops.adapters.fabric8;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go-style durations as written in the custom resource: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 7d}. */
final class Durations {

    private static final Pattern WHOLE = Pattern.compile("([0-9]+(ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h|d)");

    private Durations() {
    }

    /** The duration, or null when {@code text} is null; a malformed value is an {@link InvalidField}. */
    static Duration parse(String field, String text) {
        if (text == null) {
            return null;
        }
        if (!WHOLE.matcher(text).matches()) {
            throw new InvalidField(field, field + " must be a duration like 90s, 10m or 1h30m, was \"" + text + "\"");
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(text);
        try {
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidField(field, field + " is too large: \"" + text + "\"");
        }
        return total;
    }

    /** The inverse of {@link #parse}: whole seconds as {@code 90s}, anything finer in milliseconds. */
    static String format(Duration d) {
        if (d == null) {
            return null;
        }
        return d.getNano() == 0 ? d.getSeconds() + "s" : d.toMillis() + "ms";
    }
}
