package dev.raftops.controller.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class LeaseLeadershipTest {

    KubernetesClient client;

    LeaseLeadership instance(String id, AtomicInteger starts, AtomicInteger stops) {
        // lease and renew deadline long enough that a loaded build machine never lets a healthy leader lapse
        return new LeaseLeadership(client, "raftops-system", "raftops-controller", id, Duration.ofSeconds(8),
                Duration.ofSeconds(6), Duration.ofMillis(200), starts::incrementAndGet, stops::incrementAndGet);
    }

    /** A started instance once it holds the lease. */
    LeaseLeadership leading(String id) {
        LeaseLeadership leader = instance(id, new AtomicInteger(), new AtomicInteger());
        leader.start();
        await().atMost(Duration.ofSeconds(10)).until(leader::leading);
        return leader;
    }

    @Test
    void oneOfTwoInstancesLeadsAndTheOtherTakesOverWhenItStops() {
        AtomicInteger aStarts = new AtomicInteger();
        AtomicInteger aStops = new AtomicInteger();
        AtomicInteger bStarts = new AtomicInteger();
        AtomicInteger bStops = new AtomicInteger();
        try (LeaseLeadership a = instance("a", aStarts, aStops); LeaseLeadership b = instance("b", bStarts, bStops)) {
            a.start();
            await().atMost(Duration.ofSeconds(10)).until(a::leading);
            b.start();
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !b.leading());
            assertThat(bStarts.get()).as("the standby never started its controllers").isZero();

            a.close();
            assertThat(a.leading()).as("the old leader stops leading at once").isFalse();
            await().atMost(Duration.ofSeconds(20)).until(b::leading);
            assertThat(bStarts.get()).isEqualTo(1);
            assertThat(client.leases().inNamespace("raftops-system").withName("raftops-controller").get().getSpec()
                    .getHolderIdentity()).isEqualTo("b");
        }
    }

    @Test
    void closingTheHolderReleasesTheLeaseSoAStandbyNeedNotWaitForItToExpire() {
        LeaseLeadership a = leading("a");

        a.close();

        var lease = client.leases().inNamespace("raftops-system").withName("raftops-controller").get();
        assertThat(lease.getSpec().getHolderIdentity()).as("released on close").isNullOrEmpty();
        assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(1);
    }

    @Test
    void abandoningTheLeaseLeavesItToExpireAsAKilledProcessWould() {
        LeaseLeadership a = leading("a");

        a.abandon();

        assertThat(a.leading()).isFalse();
        assertThat(client.leases().inNamespace("raftops-system").withName("raftops-controller").get().getSpec()
                .getHolderIdentity()).isEqualTo("a");
    }

    @Test
    void aLeaderFrozenPastItsRenewDeadlineRefusesToLeadTheMomentItWakesBeforeTheElectorRunsAgain() {
        AtomicLong nanos = new AtomicLong(System.nanoTime());
        // renewals about every 6 s: the elector does not run again between the jump of the clock and the look
        try (LeaseLeadership a = new LeaseLeadership(client, "raftops-system", "raftops-controller", "a",
                Duration.ofSeconds(20), Duration.ofSeconds(15), Duration.ofSeconds(6), () -> { }, () -> { },
                nanos::get)) {
            a.start();
            await().atMost(Duration.ofSeconds(10)).until(a::leading);

            // SIGSTOP for longer than the renew deadline, then SIGCONT: the monotonic clock moved on meanwhile
            nanos.addAndGet(Duration.ofSeconds(15).toNanos());

            assertThat(a.leading()).as("a renewal older than the renew deadline fences every write").isFalse();
        }
    }
}
