package dev.raftops.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxLineTest {

    private final SandboxLine blueGreen = new SandboxLine(
            List.of(List.of("demo-bg-16d9-0..2 2.5.0 Ready non-voter"),
                    List.of("demo-bg-5028-0 2.4.4 Ready LEADER", "demo-bg-5028-1 2.4.4 Ready",
                            "demo-bg-5028-2 2.4.4 Ready")),
            List.of("phase=Upgrading", "lock=BlueGreen", "currentVersion=2.4.4", "blueGreen=JoiningMesh",
                    "traffic=5028"));

    @Test
    void aViewThatFitsStaysOneLine() {
        assertThat(blueGreen.wrapped(500)).containsExactly(blueGreen.text());
    }

    @Test
    void aViewTooWideStartsALineForEachStatefulSetAndForTheStateAndNoLineIsWider() {
        List<String> lines = blueGreen.wrapped(60);

        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
        assertThat(lines.get(0)).isEqualTo("demo-bg-16d9-0..2 2.5.0 Ready non-voter");
        assertThat(lines.get(1)).startsWith("demo-bg-5028-0 2.4.4 Ready LEADER |");
        assertThat(lines).anyMatch(l -> l.startsWith("phase=Upgrading"));
        assertThat(String.join(" ", lines).replace(" | ", " ").replace(" |", ""))
                .isEqualTo(blueGreen.text().replace(" | ", " "));
    }
}
