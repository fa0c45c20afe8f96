package dev.raftops.controller.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WriteResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Also the status subresource fake of other controller tests ({@link Answering}). */
public class OwnStatusWritesTest {

    static final ClusterKey DB = new ClusterKey("ns", "db");

    /** A status subresource whose next write answers {@code answer}. */
    public static final class Answering implements StatusPort {
        public WriteResult answer = new WriteResult.Written("8");

        @Override
        public Optional<ClusterDocument> read(ClusterKey cluster) {
            return Optional.empty();
        }

        @Override
        public WriteResult compareAndSet(ClusterKey cluster, String expectedResourceVersion, ClusterStatus status) {
            return answer;
        }
    }

    final Answering api = new Answering();
    final OwnStatusWrites own = new OwnStatusWrites(api);

    @Test
    void theEventOfItsOwnWriteIsAnEcho() {
        own.compareAndSet(DB, "7", ClusterStatus.initial());
        assertThat(own.echo(DB, "8")).isTrue();
    }

    @Test
    void aLaterChangeOfTheSameClusterIsNotAnEcho() {
        own.compareAndSet(DB, "7", ClusterStatus.initial());
        assertThat(own.echo(DB, "9")).isFalse();
        assertThat(own.echo(new ClusterKey("ns", "other"), "8")).isFalse();
    }

    @Test
    void aWriteThatMetAConflictLeavesNothingToTreatAsAnEcho() {
        own.compareAndSet(DB, "7", ClusterStatus.initial());
        api.answer = new WriteResult.Conflict("stale");
        own.compareAndSet(DB, "9", ClusterStatus.initial());
        assertThat(own.echo(DB, "8")).isTrue(); // the last write that landed is still 8
        assertThat(own.echo(DB, "10")).isFalse();
    }

    @Test
    void aDeletedClusterIsForgotten() {
        own.compareAndSet(DB, "7", ClusterStatus.initial());
        own.read(DB);
        assertThat(own.echo(DB, "8")).isFalse();
    }
}
