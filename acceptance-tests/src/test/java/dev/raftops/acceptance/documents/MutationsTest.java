package dev.raftops.acceptance.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MutationsTest {

    @Test
    void theSameSeedGivesTheSameMutationsSoOneReplaysAlone() {
        List<String> first = Mutations.generate(7, 200).stream().map(Mutation::describe).toList();
        List<String> again = Mutations.generate(7, 200).stream().map(Mutation::describe).toList();
        assertThat(again).isEqualTo(first);
        assertThat(Mutations.generate(7, 51).get(50).describe()).isEqualTo(first.get(50));
    }

    @Test
    void aThousandMutationsCoverEveryClass() {
        Set<MutationClass> seen = Mutations.generate(2023, 1000).stream().map(Mutation::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(MutationClass.class)));
        assertThat(seen).containsExactlyInAnyOrder(MutationClass.values());
        if (Boolean.getBoolean("raftops.documents.list")) {
            Mutations.generate(Long.getLong("raftops.documents.seed", 2023), Integer.getInteger(
                    "raftops.documents.count", 24)).forEach(m -> System.out.println(m.describe() + " " + m.expect()));
        }
    }
}
