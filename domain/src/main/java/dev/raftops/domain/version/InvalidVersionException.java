package dev.raftops.domain.version;

/** A string that is not a SemVer 2.0.0 version. The message quotes the input and says what is wrong. */
public final class InvalidVersionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final String problem;

    InvalidVersionException(String input, String problem) {
        super("invalid version \"" + input + "\": " + problem);
        this.input = input;
        this.problem = problem;
    }

    /** The string that failed to parse, exactly as given. */
    public String input() {
        return input;
    }

    /** What is wrong with it, for example "leading zero in minor version". */
    public String problem() {
        return problem;
    }
}
