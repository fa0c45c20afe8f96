package dev.raftops.domain.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.PropertyCases.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SemVerPropertiesTest {

    private static final String HUGE = "98765432109876543210987654321";

    /** A valid version string; small pools so that equal parts and equal precedence occur often. */
    static String version(Random r) {
        StringBuilder s = new StringBuilder();
        if (Generate.chance(r, 0.1)) {
            s.append('v');
        }
        s.append(number(r)).append('.').append(number(r)).append('.').append(number(r));
        int pre = Generate.between(r, 0, 3);
        for (int i = 0; i < pre; i++) {
            s.append(i == 0 ? '-' : '.').append(preReleaseId(r));
        }
        int build = Generate.between(r, 0, 2);
        for (int i = 0; i < build; i++) {
            s.append(i == 0 ? '+' : '.').append(buildId(r));
        }
        return s.toString();
    }

    static String number(Random r) {
        return Generate.oneOf(r, "0", "1", "2", "9", "10", "11", HUGE, HUGE + "7");
    }

    static String preReleaseId(Random r) {
        return Generate.chance(r, 0.15) ? alphanumeric(r)
                : Generate.oneOf(r, "alpha", "beta", "rc", "0", "1", "2", "11", "x-y", "-", "A", "a1", HUGE);
    }

    static String buildId(Random r) {
        return Generate.chance(r, 0.5) ? alphanumeric(r) : Generate.oneOf(r, "001", "sha", "5114f85", "0", "-");
    }

    static String alphanumeric(Random r) {
        String alphabet = "0123456789abcXYZ-";
        int n = Generate.between(r, 1, 5);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        String id = s.toString();
        // a numeric identifier must not have a leading zero in a pre-release
        return id.matches("0[0-9]+") ? "1" + id : id;
    }

    static List<String> versions(Random r, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(version(r));
        }
        return out;
    }

    static Stream<Arguments> singles() {
        return PropertyCases.of(200, SemVerPropertiesTest::version);
    }

    static Stream<Arguments> triples() {
        return PropertyCases.of(300, r -> versions(r, 3));
    }

    static Stream<Arguments> lists() {
        return PropertyCases.of(200, r -> versions(r, Generate.between(r, 0, 8)));
    }

    @ParameterizedTest
    @MethodSource("singles")
    void parsingTheCanonicalFormGivesTheSameVersion(Case<String> c) {
        SemVer x = SemVer.parse(c.value());
        assertThat(SemVer.parse(x.toString())).as(c.why("invariant parse(toString(x)) == x")).isEqualTo(x);
        assertThat(SemVer.parse(x.toString()).hashCode()).as(c.why("invariant equal versions hash alike"))
                .isEqualTo(x.hashCode());
        assertThat(SemVer.parse("v" + x)).as(c.why("invariant a leading v changes nothing")).isEqualTo(x);
        assertThat(x.toString()).as(c.why("invariant toString has no leading v"))
                .isEqualTo(c.value().startsWith("v") ? c.value().substring(1) : c.value());
    }

    @ParameterizedTest
    @MethodSource("triples")
    void precedenceIsATotalOrder(Case<List<String>> c) {
        SemVer a = SemVer.parse(c.value().get(0));
        SemVer b = SemVer.parse(c.value().get(1));
        SemVer z = SemVer.parse(c.value().get(2));
        assertThat(a.compareTo(a)).as(c.why("invariant reflexive")).isZero();
        assertThat(Integer.signum(a.compareTo(b))).as(c.why("invariant antisymmetric"))
                .isEqualTo(-Integer.signum(b.compareTo(a)));
        if (a.compareTo(b) <= 0 && b.compareTo(z) <= 0) {
            assertThat(a.compareTo(z)).as(c.why("invariant transitive: a <= b <= c implies a <= c")).isLessThanOrEqualTo(0);
        }
        if (a.compareTo(b) == 0) {
            assertThat(Integer.signum(a.compareTo(z))).as(c.why("invariant equal precedence compares alike"))
                    .isEqualTo(Integer.signum(b.compareTo(z)));
        }
        assertThat(a.samePrecedence(b)).as(c.why("invariant samePrecedence iff compareTo == 0"))
                .isEqualTo(a.compareTo(b) == 0);
    }

    @ParameterizedTest
    @MethodSource("lists")
    void sortingKeepsTheOfficialChainInItsOrder(Case<List<String>> c) {
        List<SemVer> all = new ArrayList<>();
        SemVerTest.OFFICIAL_CHAIN.forEach(s -> all.add(SemVer.parse(s)));
        c.value().forEach(s -> all.add(SemVer.parse(s)));
        java.util.Collections.shuffle(all, new Random(c.seed()));
        all.sort(null);
        List<String> chainAsSorted = all.stream().map(SemVer::toString)
                .filter(SemVerTest.OFFICIAL_CHAIN::contains).distinct().collect(Collectors.toList());
        assertThat(chainAsSorted).as(c.why("invariant sorting keeps semver.org's chain in order"))
                .isEqualTo(SemVerTest.OFFICIAL_CHAIN);
        for (int i = 1; i < all.size(); i++) {
            assertThat(reference(all.get(i - 1).toString(), all.get(i).toString()))
                    .as(c.why("invariant the sorted list is ascending by the reference order"))
                    .isLessThanOrEqualTo(0);
        }
    }

    @ParameterizedTest
    @MethodSource("triples")
    void buildMetadataNeverChangesPrecedence(Case<List<String>> c) {
        SemVer x = SemVer.parse(c.value().get(0));
        SemVer other = SemVer.parse(c.value().get(1));
        String core = x.toString().split("\\+", 2)[0];
        SemVer withBuild = SemVer.parse(core + "+" + Generate.oneOf(new Random(c.seed()), "b", "001", "exp.sha.1", "-"));
        SemVer without = SemVer.parse(core);
        assertThat(withBuild.compareTo(without)).as(c.why("invariant build metadata is ignored")).isZero();
        assertThat(withBuild.compareTo(x)).as(c.why("invariant build metadata is ignored")).isZero();
        assertThat(Integer.signum(withBuild.compareTo(other))).as(c.why("invariant build metadata is ignored"))
                .isEqualTo(Integer.signum(without.compareTo(other)));
        assertThat(VersionDrift.between(without, withBuild).kind())
                .as(c.why("invariant build metadata alone is no drift")).isEqualTo(VersionDrift.Kind.NONE);
    }

    @ParameterizedTest
    @MethodSource("triples")
    void compareToAgreesWithAnIndependentReferenceOrder(Case<List<String>> c) {
        for (String a : c.value()) {
            for (String b : c.value()) {
                assertThat(Integer.signum(SemVer.parse(a).compareTo(SemVer.parse(b))))
                        .as(c.why("invariant compareTo(" + a + ", " + b + ") agrees with the reference"))
                        .isEqualTo(reference(a, b));
            }
        }
    }

    /**
     * SemVer §11 precedence written a second way: numbers compared as digit strings (shorter is
     * smaller, as there are no leading zeros), with no BigInteger and no shared code.
     */
    static int reference(String a, String b) {
        String[] x = strip(a);
        String[] y = strip(b);
        for (int i = 0; i < 3; i++) {
            int c = digits(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        boolean xRelease = x[3] == null;
        boolean yRelease = y[3] == null;
        if (xRelease || yRelease) {
            return xRelease == yRelease ? 0 : xRelease ? 1 : -1;
        }
        String[] px = x[3].split("\\.");
        String[] py = y[3].split("\\.");
        for (int i = 0; i < Math.min(px.length, py.length); i++) {
            boolean nx = px[i].chars().allMatch(Character::isDigit);
            boolean ny = py[i].chars().allMatch(Character::isDigit);
            int c;
            if (nx && ny) {
                c = digits(px[i], py[i]);
            } else if (nx || ny) {
                c = nx ? -1 : 1;
            } else {
                c = Integer.signum(px[i].compareTo(py[i]));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(px.length, py.length);
    }

    /** major, minor, patch, pre-release (null when absent), without any leading v or build metadata. */
    private static String[] strip(String text) {
        String s = text.startsWith("v") ? text.substring(1) : text;
        int plus = s.indexOf('+');
        if (plus >= 0) {
            s = s.substring(0, plus);
        }
        int dash = s.indexOf('-');
        String pre = dash >= 0 ? s.substring(dash + 1) : null;
        String[] core = (dash >= 0 ? s.substring(0, dash) : s).split("\\.");
        return new String[] {core[0], core[1], core[2], pre};
    }

    private static int digits(String a, String b) {
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        return Integer.signum(a.compareTo(b));
    }
}
