package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterSpec;
import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.ports.driven.SpecReading;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mapping through the wire form (and fabric8's Jackson 3 serialization) loses nothing. */
class MappingPropertiesTest {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    static Stream<Arguments> statuses() {
        return PropertyCases.of(200, RandomClusters::status);
    }

    static Stream<Arguments> specs() {
        return PropertyCases.of(200, RandomClusters::spec);
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void statusRoundTripsLosslessly(PropertyCases.Case<ClusterStatus> c) {
        String json = JSON.asJson(StatusWriting.toResource(c.value()));
        ClusterStatus back = StatusReading.fromResource(JSON.unmarshal(json, RaftClusterStatus.class));
        assertThat(back).as(c.why("invariant: status -> JSON -> status is the identity; json=" + json))
                .isEqualTo(c.value());
    }

    @ParameterizedTest
    @MethodSource("specs")
    void specRoundTripsLosslessly(PropertyCases.Case<ClusterSpec> c) {
        String json = JSON.asJson(SpecWriting.toResource(c.value()));
        SpecReading back = SpecMapping.read(JSON.unmarshal(json, RaftClusterSpec.class));
        assertThat(back).as(c.why("invariant: spec -> JSON -> spec is the identity; json=" + json))
                .isEqualTo(new SpecReading.Valid(c.value()));
    }
}
