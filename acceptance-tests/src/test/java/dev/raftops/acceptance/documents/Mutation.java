package dev.raftops.acceptance.documents;

import java.util.Map;

/**
 * One bad edit of a valid {@code RaftCluster}: a value set (or a field removed) in the spec or in
 * the status, the class it belongs to and what the controller must make of it.
 *
 * @param index its number in the seeded sequence ({@link Mutations#generate}), which replays it alone
 * @param field the dotted path it breaks ({@code spec.upgrade.timeouts.stepDown}); parents are created
 * @param remove whether the field is removed ({@code value} is then unused)
 * @param value what the field is set to: a string, number, boolean, list, map, or null
 */
record Mutation(int index, MutationClass type, String field, boolean remove, Object value, Expect expect) {

    /** What the controller must make of the document. */
    enum Expect {
        /** The Degraded condition with reason InvalidSpec (or the backup's configuration reason) naming the field. */
        INVALID,
        /** A valid if odd document: nothing to report, nothing disruptive it may start on its own. */
        TOLERATED,
        /** A status another client wrote: the StatusEdited Event naming the field (or a part above it). */
        STATUS_EDITED
    }

    boolean status() {
        return field.startsWith("status");
    }

    /** The document tree ({@code spec} or {@code status} at the top) with this edit applied, in place. */
    @SuppressWarnings("unchecked")
    void applyTo(Map<String, Object> document) {
        String[] parts = field.split("\\.");
        Map<String, Object> at = document;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = at.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new java.util.LinkedHashMap<String, Object>();
                at.put(parts[i], next);
            }
            at = (Map<String, Object>) next;
        }
        if (remove) {
            at.remove(parts[parts.length - 1]);
        } else {
            at.put(parts[parts.length - 1], value);
        }
    }

    /** "#17 wrong-type spec.replicas": how a failure message names it. */
    String describe() {
        String shown = remove ? "removed" : "= " + abbreviated(String.valueOf(value));
        return "#" + index + " " + type.wire() + " " + field + " " + shown;
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 40) + "...(" + text.length() + " chars)";
    }
}
