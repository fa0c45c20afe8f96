package dev.raftops.domain.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A SemVer 2.0.0 version (https://semver.org/spec/v2.0.0.html).
 *
 * <p>{@link #parse(String)} is the only way to obtain one. A single leading {@code v} is accepted
 * and dropped; numeric identifiers may be of any size. Ordering follows SemVer precedence, so build
 * metadata is ignored by {@link #compareTo(SemVer)} but kept by {@link #equals(Object)} and
 * {@link #toString()}; use {@link #samePrecedence(SemVer)} to ask "would this roll?".
 */
public final class SemVer implements Comparable<SemVer> {

    private final BigInteger major;
    private final BigInteger minor;
    private final BigInteger patch;
    private final List<String> preRelease;
    private final List<String> build;

    private SemVer(BigInteger major, BigInteger minor, BigInteger patch, List<String> preRelease, List<String> build) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.preRelease = List.copyOf(preRelease);
        this.build = List.copyOf(build);
    }

    /**
     * The normalised text of {@code text} (no leading {@code v}), or {@code text} itself when it is
     * not a version: for names and hashes that must not change with how a person spelled the version.
     */
    public static String canonical(String text) {
        try {
            return parse(text).toString();
        } catch (IllegalArgumentException notAVersion) {
            return text;
        }
    }

    /**
     * Parses {@code text} by the SemVer 2.0.0 grammar.
     *
     * @throws InvalidVersionException naming the input and the rule it breaks
     */
    public static SemVer parse(String text) {
        if (text == null) {
            throw new InvalidVersionException("null", "no version given");
        }
        String rest = text;
        if (rest.startsWith("v")) {
            rest = rest.substring(1);
        }
        if (rest.isEmpty()) {
            throw new InvalidVersionException(text, "empty version");
        }
        String buildPart = null;
        int plus = rest.indexOf('+');
        if (plus >= 0) {
            buildPart = rest.substring(plus + 1);
            rest = rest.substring(0, plus);
        }
        String prePart = null;
        int dash = rest.indexOf('-');
        if (dash >= 0) {
            prePart = rest.substring(dash + 1);
            rest = rest.substring(0, dash);
        }
        String[] core = rest.split("\\.", -1);
        if (core.length != 3) {
            throw new InvalidVersionException(text, "expected MAJOR.MINOR.PATCH but found " + core.length
                    + (core.length == 1 ? " part" : " parts"));
        }
        BigInteger major = numeric(text, core[0], "major version");
        BigInteger minor = numeric(text, core[1], "minor version");
        BigInteger patch = numeric(text, core[2], "patch version");
        List<String> pre = prePart == null ? List.of() : identifiers(text, prePart, "pre-release", true);
        List<String> bld = buildPart == null ? List.of() : identifiers(text, buildPart, "build metadata", false);
        return new SemVer(major, minor, patch, pre, bld);
    }

    private static BigInteger numeric(String input, String part, String what) {
        if (part.isEmpty()) {
            throw new InvalidVersionException(input, "empty " + what);
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidVersionException(input, "non-digit '" + c + "' in " + what);
            }
        }
        if (part.length() > 1 && part.charAt(0) == '0') {
            throw new InvalidVersionException(input, "leading zero in " + what);
        }
        return new BigInteger(part);
    }

    private static List<String> identifiers(String input, String part, String what, boolean numericRules) {
        List<String> ids = new ArrayList<>();
        for (String id : part.split("\\.", -1)) {
            if (id.isEmpty()) {
                throw new InvalidVersionException(input, "empty identifier in " + what);
            }
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
                if (!ok) {
                    throw new InvalidVersionException(input, "character '" + c + "' not allowed in " + what
                            + " (only [0-9A-Za-z-])");
                }
            }
            if (numericRules && isNumeric(id) && id.length() > 1 && id.charAt(0) == '0') {
                throw new InvalidVersionException(input, "leading zero in numeric " + what + " identifier \"" + id + "\"");
            }
            ids.add(id);
        }
        return ids;
    }

    private static boolean isNumeric(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public BigInteger major() {
        return major;
    }

    public BigInteger minor() {
        return minor;
    }

    public BigInteger patch() {
        return patch;
    }

    /** Pre-release identifiers, empty for a release. */
    public List<String> preRelease() {
        return preRelease;
    }

    /** Build metadata identifiers; never part of precedence. */
    public List<String> build() {
        return build;
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    /** Equal by SemVer precedence (build metadata ignored). */
    public boolean samePrecedence(SemVer other) {
        return compareTo(other) == 0;
    }

    @Override
    public int compareTo(SemVer other) {
        int c = major.compareTo(other.major);
        if (c != 0) {
            return c;
        }
        c = minor.compareTo(other.minor);
        if (c != 0) {
            return c;
        }
        c = patch.compareTo(other.patch);
        if (c != 0) {
            return c;
        }
        // a release has higher precedence than any of its pre-releases
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        int n = Math.min(preRelease.size(), other.preRelease.size());
        for (int i = 0; i < n; i++) {
            c = compareIdentifier(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    private static int compareIdentifier(String a, String b) {
        boolean an = isNumeric(a);
        boolean bn = isNumeric(b);
        if (an && bn) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (an != bn) {
            return an ? -1 : 1; // numeric identifiers have lower precedence
        }
        return a.compareTo(b); // ASCII order
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemVer other
                && major.equals(other.major) && minor.equals(other.minor) && patch.equals(other.patch)
                && preRelease.equals(other.preRelease) && build.equals(other.build);
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, preRelease, build);
    }

    /** Canonical form, without a leading {@code v}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        if (!preRelease.isEmpty()) {
            s.append('-').append(String.join(".", preRelease));
        }
        if (!build.isEmpty()) {
            s.append('+').append(String.join(".", build));
        }
        return s.toString();
    }
}
