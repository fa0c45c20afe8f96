package dev.raftops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;

class ControllerWritesTest {

    private static SandboxFault.WriteKind kind(HttpMethod method, String path) {
        return ControllerWrites.kind(new RecordedRequest("HTTP/1.1", method, path, Headers.builder().build(), null));
    }

    @Test
    void readsAreNotWrites() {
        assertThat(kind(HttpMethod.GET, "/apis/apps/v1/namespaces/ns/statefulsets/db")).isNull();
    }

    @Test
    void eventsAndTheLeaseAreNotCounted() {
        assertThat(kind(HttpMethod.POST, "/api/v1/namespaces/ns/events")).isNull();
        assertThat(kind(HttpMethod.PUT, "/apis/coordination.k8s.io/v1/namespaces/ns/leases/raftops-controller")).isNull();
    }

    @Test
    void writesAreSortedByWhatTheyChange() {
        assertThat(kind(HttpMethod.PATCH, "/apis/raftops.dev/v1alpha1/namespaces/ns/raftclusters/db/status"))
                .isEqualTo(SandboxFault.WriteKind.STATUS);
        assertThat(kind(HttpMethod.PATCH, "/apis/apps/v1/namespaces/ns/statefulsets/db?fieldManager=x"))
                .isEqualTo(SandboxFault.WriteKind.STATEFULSET);
        assertThat(kind(HttpMethod.DELETE, "/api/v1/namespaces/ns/pods/db-2")).isEqualTo(SandboxFault.WriteKind.POD);
        assertThat(kind(HttpMethod.POST, "/apis/batch/v1/namespaces/ns/jobs")).isEqualTo(SandboxFault.WriteKind.JOB);
        assertThat(kind(HttpMethod.POST, "/api/v1/namespaces/ns/services")).isEqualTo(SandboxFault.WriteKind.OTHER);
    }

    @Test
    void aPodDeleteNamesThePodItDeletes() {
        assertThat(ControllerWrites.podName("/api/v1/namespaces/ns/pods/db-2?gracePeriodSeconds=0")).isEqualTo("db-2");
    }

    @Test
    void aCollectionDeleteNamesNoPod() {
        assertThat(ControllerWrites.podName("/api/v1/namespaces/ns/pods?labelSelector=a")).isNull();
    }
}
