package dev.raftops.domain.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.PropertyCases.Case;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * However a person spells a version (leading {@code v} or not, build metadata or not), the image tag,
 * the image and the version its pods report are those of the release.
 */
class WorkloadVersionPropertiesTest {

    private static final String REPO = "quay.io/openbao/openbao";

    /** One release spelled twice, each with or without {@code v} and with or without build metadata. */
    record Spellings(String release, String one, String other) {
    }

    static String release(Random r) {
        String core = Generate.between(r, 0, 3) + "." + Generate.between(r, 0, 12) + "." + Generate.between(r, 0, 20);
        return Generate.chance(r, 0.3) ? core + "-" + Generate.oneOf(r, "rc.1", "beta", "alpha.0.x-y", "11") : core;
    }

    static String spell(Random r, String release) {
        String text = Generate.chance(r, 0.5) ? "v" + release : release;
        return Generate.chance(r, 0.5) ? text + "+" + Generate.oneOf(r, "build.7", "001", "exp.sha.5114f85", "-") : text;
    }

    static Stream<Arguments> spellings() {
        return PropertyCases.of(300, r -> {
            String release = release(r);
            return new Spellings(release, spell(r, release), spell(r, release));
        });
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void theImageTagIsTheReleaseWithoutVOrBuildMetadata(Case<Spellings> c) {
        String tag = WorkloadVersion.imageTag(c.value().one());
        assertThat(tag).as(c.why("the tag is what the repository publishes")).isEqualTo(c.value().release());
        assertThat(tag).as(c.why("a tag never carries '+' nor a leading v")).doesNotContain("+").doesNotStartWith("v");
        assertThat(SemVer.parse(tag).samePrecedence(SemVer.parse(c.value().one())))
                .as(c.why("the tag names the spelled version's precedence")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void everySpellingOfAReleaseRunsTheSameImage(Case<Spellings> c) {
        assertThat(WorkloadVersion.image(REPO, c.value().one())).as(c.why("same release, same image"))
                .isEqualTo(WorkloadVersion.image(REPO, c.value().other()));
        assertThat(WorkloadVersion.image(REPO + ":x", c.value().one(), c.value().other(), REPO))
                .as(c.why("spec.image is used as written for any spelling of spec.version")).isEqualTo(REPO + ":x");
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void aPodOnTheImageReportsTheReleaseWhateverTheSpelling(Case<Spellings> c) {
        String pod = WorkloadVersion.podVersion(WorkloadVersion.image(REPO, c.value().one()));
        assertThat(pod).as(c.why("the pod version is the tag")).isEqualTo(WorkloadVersion.imageTag(c.value().other()));
        assertThat(SemVer.parse(pod).samePrecedence(SemVer.parse(c.value().other())))
                .as(c.why("a pod on the image runs the other spelling's release")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void twoSpellingsOfOneReleaseNeverStartAnUpgrade(Case<Spellings> c) {
        UpgradeVerdict verdict = UpgradeValidation.check(SemVer.canonical(c.value().one()), c.value().other(),
                WorkloadVersion.image(REPO, c.value().other()), UpgradePolicy.defaults());
        assertThat(verdict.kind()).as(c.why("nothing to roll, nothing blocked")).isEqualTo(UpgradeVerdict.Kind.NO_CHANGE);
        boolean sameBuild = SemVer.parse(c.value().one()).equals(SemVer.parse(c.value().other()));
        assertThat(verdict.reason()).as(c.why("only a build-metadata difference is told"))
                .isEqualTo(sameBuild ? null : UpgradeVerdict.BUILD_METADATA_ONLY);
    }
}
