package dev.raftops.adapters.fabric8;

/**
 * A spec field that is missing or malformed. Thrown only inside {@link SpecMapping} and turned into
 * {@code SpecReading.Invalid} there, so it never leaves the mapping.
 */
final class InvalidField extends RuntimeException {

    private final String field;

    InvalidField(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
