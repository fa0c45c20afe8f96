package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.rolling.RollingUpgrade;
import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.SteadyCluster;
import dev.raftops.domain.version.SemVer;
import dev.raftops.domain.version.WorkloadVersion;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workload loop's rendered StatefulSet and the Day-2 loop agree, whatever the spelling of
 * {@code spec.version} (leading {@code v} or not, build metadata or not) and with or without
 * {@code spec.image}: a cluster on the rendered template converges, and spelling the running
 * release another way changes neither the template nor anything the Day-2 loop writes.
 */
class WorkloadRenderingPropertiesTest {

    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    /** Two spellings of one release, and {@code spec.image} (null, or a tag of the release). */
    record Spelled(String release, String first, String second, String image, int replicas) {
    }

    static String spell(Random r, String release) {
        String text = Generate.chance(r, 0.5) ? "v" + release : release;
        return Generate.chance(r, 0.5) ? text + "+" + Generate.oneOf(r, "build.7", "001", "exp.sha.5114f85") : text;
    }

    static Stream<Arguments> spellings() {
        return PropertyCases.of(200, r -> {
            String core = Generate.between(r, 0, 3) + "." + Generate.between(r, 0, 12) + "." + Generate.between(r, 0, 9);
            String release = Generate.chance(r, 0.2) ? core + "-rc." + Generate.between(r, 1, 3) : core;
            String image = Generate.chance(r, 0.6) ? null
                    : Generate.oneOf(r, "registry.local:5000/openbao", "quay.io/openbao/openbao") + ":"
                            + (Generate.chance(r, 0.5) ? "v" : "") + release;
            return new Spelled(release, spell(r, release), spell(r, release), image, Generate.between(r, 1, 5));
        });
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void aClusterOnTheRenderedTemplateConvergesOnTheSpelledVersion(Case<Spelled> c) {
        ClusterSpec spec = spec(c.value().first(), c);
        StatefulSet rendered = render(spec, ClusterStatus.initial());

        Decision first = decide(spec, ClusterStatus.initial(), rendered, c);

        assertThat(first.nextStatus().currentVersion()).as(c.why("the Day-2 loop sees the rendered template converged"))
                .isEqualTo(SemVer.canonical(c.value().first()));
        assertThat(WorkloadViews.templateImage(rendered)).as(c.why("the tag is the one the repository publishes"))
                .isEqualTo(c.value().image() != null ? c.value().image()
                        : ClusterSpec.DEFAULT_IMAGE_REPOSITORY + ":" + c.value().release());
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void anotherSpellingOfTheRunningReleaseChangesNoTemplateAndRollsNothing(Case<Spelled> c) {
        ClusterSpec spec = spec(c.value().first(), c);
        StatefulSet rendered = render(spec, ClusterStatus.initial());
        ClusterStatus converged = decide(spec, ClusterStatus.initial(), rendered, c).nextStatus();
        ClusterSpec respelled = spec(c.value().second(), c);

        Decision next = decide(respelled, converged, rendered, c);

        assertThat(WorkloadViews.templateImage(render(respelled, next.nextStatus())))
                .as(c.why("the workload loop keeps the template")).isEqualTo(WorkloadViews.templateImage(rendered));
        assertThat(next.actions()).as(c.why("the Day-2 loop writes nothing to the workload"))
                .allMatch(a -> a instanceof Action.Emit);
        assertThat(next.nextStatus().upgrade()).as(c.why("no upgrade starts")).isNull();
    }

    private static ClusterSpec spec(String version, Case<Spelled> c) {
        return ClusterSpec.of(version, c.value().image(), c.value().replicas());
    }

    private static StatefulSet render(ClusterSpec spec, ClusterStatus status) {
        return WorkloadRendering.statefulSet(SteadyCluster.KEY, "uid-db", spec, status,
                WorkloadSpec.defaults(SteadyCluster.KEY), AdapterSettings.openBao());
    }

    /** One Day-2 pass over the rendered StatefulSet, converged, with Ready pods on its template image. */
    private static Decision decide(ClusterSpec spec, ClusterStatus status, StatefulSet rendered, Case<Spelled> c) {
        int replicas = c.value().replicas();
        rendered.getMetadata().setUid("uid-sts");
        rendered.getMetadata().setResourceVersion("1");
        rendered.getMetadata().setGeneration(1L);
        rendered.setStatus(new StatefulSetStatusBuilder().withReplicas(replicas).withReadyReplicas(replicas)
                .withUpdatedReplicas(replicas).withCurrentRevision("db-1").withUpdateRevision("db-1")
                .withObservedGeneration(1L).build());
        StatefulSetView sts = WorkloadViews.statefulSet(rendered);
        Random random = new Random(c.seed());
        SteadyCluster pods = new SteadyCluster(replicas, WorkloadVersion.podVersion(sts.templateImage()), 0);
        ClusterObservation observed = pods.observe().withStatefulSet(sts);
        return RollingUpgrade.decide(new DecisionInput(SteadyCluster.KEY, 1, spec, status, observed, T0, random,
                RetryTiming.defaults().withoutJitter()));
    }
}
