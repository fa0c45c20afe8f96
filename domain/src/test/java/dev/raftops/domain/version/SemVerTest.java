package dev.raftops.domain.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {

    /** The precedence example of semver.org §11, lowest first. */
    static final List<String> OFFICIAL_CHAIN = List.of(
            "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
            "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");

    /** The release example of semver.org §11, lowest first. */
    static final List<String> RELEASE_CHAIN = List.of("1.0.0", "2.0.0", "2.1.0", "2.1.1");

    @Test
    void ordersTheOfficialPreReleaseChainStrictly() {
        assertStrictlyIncreasing(OFFICIAL_CHAIN);
    }

    @Test
    void ordersTheOfficialReleaseChainStrictly() {
        assertStrictlyIncreasing(RELEASE_CHAIN);
    }

    private static void assertStrictlyIncreasing(List<String> chain) {
        for (int i = 0; i < chain.size(); i++) {
            for (int j = 0; j < chain.size(); j++) {
                SemVer a = SemVer.parse(chain.get(i));
                SemVer b = SemVer.parse(chain.get(j));
                assertThat(Integer.signum(a.compareTo(b)))
                        .as("%s compared with %s", a, b)
                        .isEqualTo(Integer.compare(i, j));
            }
        }
    }

    @Test
    void comparesNumericIdentifiersByValueNotText() {
        assertThat(SemVer.parse("1.10.0")).isGreaterThan(SemVer.parse("1.9.0"));
        assertThat(SemVer.parse("1.0.0-rc.10")).isGreaterThan(SemVer.parse("1.0.0-rc.9"));
    }

    @Test
    void ranksNumericPreReleaseIdentifiersBelowAlphanumericOnes() {
        assertThat(SemVer.parse("1.0.0-1")).isLessThan(SemVer.parse("1.0.0-a"));
        assertThat(SemVer.parse("1.0.0-999")).isLessThan(SemVer.parse("1.0.0--"));
    }

    @Test
    void comparesAlphanumericIdentifiersInAsciiOrder() {
        assertThat(SemVer.parse("1.0.0-Beta")).isLessThan(SemVer.parse("1.0.0-alpha"));
        assertThat(SemVer.parse("1.0.0-a-b")).isLessThan(SemVer.parse("1.0.0-ab"));
    }

    @Test
    void ignoresBuildMetadataForPrecedenceButNotForEquality() {
        SemVer plain = SemVer.parse("1.2.3");
        SemVer built = SemVer.parse("1.2.3+build.7");
        assertThat(plain.compareTo(built)).isZero();
        assertThat(plain.samePrecedence(built)).isTrue();
        assertThat(plain).isNotEqualTo(built);
    }

    @Test
    void dropsOneLeadingV() {
        SemVer v = SemVer.parse("v1.2.3-rc.1+b");
        assertThat(v).isEqualTo(SemVer.parse("1.2.3-rc.1+b"));
        assertThat(v.toString()).isEqualTo("1.2.3-rc.1+b");
    }

    @Test
    void keepsNumbersOfAnySize() {
        String huge = "123456789012345678901234567890";
        SemVer v = SemVer.parse(huge + "." + huge + "." + huge + "-" + huge + "+" + huge);
        assertThat(v.major()).isEqualTo(new BigInteger(huge));
        assertThat(v.minor()).isEqualTo(new BigInteger(huge));
        assertThat(v.patch()).isEqualTo(new BigInteger(huge));
        assertThat(v.preRelease()).containsExactly(huge);
        assertThat(SemVer.parse(huge + "0.0.0")).isGreaterThan(SemVer.parse(huge + ".0.0"));
        assertThat(SemVer.parse("1.0.0-" + huge + "1")).isGreaterThan(SemVer.parse("1.0.0-" + huge));
    }

    @Test
    void exposesItsParts() {
        SemVer v = SemVer.parse("4.5.6-alpha.0.x-y+exp.sha.5114f85");
        assertThat(v.major()).isEqualTo(BigInteger.valueOf(4));
        assertThat(v.minor()).isEqualTo(BigInteger.valueOf(5));
        assertThat(v.patch()).isEqualTo(BigInteger.valueOf(6));
        assertThat(v.preRelease()).containsExactly("alpha", "0", "x-y");
        assertThat(v.build()).containsExactly("exp", "sha", "5114f85");
        assertThat(v.isPreRelease()).isTrue();
        assertThat(SemVer.parse("4.5.6+b").isPreRelease()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0.0.0", "0.0.1", "1.2.3", "10.20.30", "1.0.0-0", "1.0.0-0.0", "1.0.0-0a", "1.0.0-a0",
            "1.0.0-alpha-1", "1.0.0--", "1.0.0---x", "1.0.0-x.7.z.92", "1.0.0-rc.1+build.1",
            "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85", "1.0.0+21AF26D3----117B344092BD",
            "1.0.0+001", "1.0.0+0.00.000", "1.0.0-A.B.C", "v0.1.0", "1.0.0-0A.is.legal"})
    void acceptsValidVersionsAndPrintsThemCanonically(String text) {
        SemVer v = SemVer.parse(text);
        String canonical = text.startsWith("v") ? text.substring(1) : text;
        assertThat(v.toString()).isEqualTo(canonical);
        assertThat(SemVer.parse(v.toString())).isEqualTo(v);
    }

    static Stream<Arguments> invalidVersions() {
        return Stream.of(
                // leading zeros in each numeric part
                Arguments.of("01.0.0", "leading zero in major version"),
                Arguments.of("0.01.0", "leading zero in minor version"),
                Arguments.of("0.0.01", "leading zero in patch version"),
                Arguments.of("00.0.0", "leading zero in major version"),
                Arguments.of("1.0.0-01", "leading zero in numeric pre-release identifier \"01\""),
                Arguments.of("1.0.0-alpha.00", "leading zero in numeric pre-release identifier \"00\""),
                // empty parts and identifiers
                Arguments.of("", "empty version"),
                Arguments.of("v", "empty version"),
                Arguments.of(".0.0", "empty major version"),
                Arguments.of("1..0", "empty minor version"),
                Arguments.of("1.0.", "empty patch version"),
                Arguments.of("1.0.0-", "empty identifier in pre-release"),
                Arguments.of("1.0.0-alpha..1", "empty identifier in pre-release"),
                Arguments.of("1.0.0-alpha.", "empty identifier in pre-release"),
                Arguments.of("1.0.0+", "empty identifier in build metadata"),
                Arguments.of("1.0.0+a..b", "empty identifier in build metadata"),
                Arguments.of("1.0.0-+b", "empty identifier in pre-release"),
                // bad characters
                Arguments.of("1.0.0-alpha_1", "character '_' not allowed in pre-release"),
                Arguments.of("1.0.0-é", "character 'é' not allowed in pre-release"),
                Arguments.of("1.0.0+build!", "character '!' not allowed in build metadata"),
                Arguments.of("1.0.0+a+b", "character '+' not allowed in build metadata"),
                Arguments.of("1.a.0", "non-digit 'a' in minor version"),
                Arguments.of("1.0.x", "non-digit 'x' in patch version"),
                Arguments.of(" 1.0.0", "non-digit ' ' in major version"),
                Arguments.of("1.0.0 ", "non-digit ' ' in patch version"),
                Arguments.of("V1.0.0", "non-digit 'V' in major version"),
                Arguments.of("+1.0.0", "expected MAJOR.MINOR.PATCH but found 1 part"),
                Arguments.of("1.0.٣", "non-digit '٣' in patch version"),
                // the leading v is dropped once only
                Arguments.of("vv1.0.0", "non-digit 'v' in major version"),
                // missing and extra parts
                Arguments.of("1", "expected MAJOR.MINOR.PATCH but found 1 part"),
                Arguments.of("1.0", "expected MAJOR.MINOR.PATCH but found 2 parts"),
                Arguments.of("1.0-rc.1", "expected MAJOR.MINOR.PATCH but found 2 parts"),
                Arguments.of("1.0.0.0", "expected MAJOR.MINOR.PATCH but found 4 parts"),
                Arguments.of("1.2.3.4-rc.1+b", "expected MAJOR.MINOR.PATCH but found 4 parts"));
    }

    @ParameterizedTest
    @MethodSource("invalidVersions")
    void rejectsInvalidVersionsQuotingTheInputAndNamingTheProblem(String text, String problem) {
        assertThatThrownBy(() -> SemVer.parse(text))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining(problem)
                .satisfies(e -> {
                    InvalidVersionException invalid = (InvalidVersionException) e;
                    assertThat(invalid.input()).isEqualTo(text);
                    assertThat(invalid.problem()).contains(problem);
                });
    }

    @Test
    void rejectsNullSayingNoVersionWasGiven() {
        assertThatThrownBy(() -> SemVer.parse(null))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("\"null\"")
                .hasMessageContaining("no version given");
    }

    @Test
    void canonicalDropsTheLeadingVAndKeepsTextThatIsNoVersion() {
        assertThat(SemVer.canonical("v2.5.0-rc.1+b7")).isEqualTo("2.5.0-rc.1+b7");
        assertThat(SemVer.canonical("latest")).isEqualTo("latest");
        assertThat(SemVer.canonical(null)).isNull();
    }
}
