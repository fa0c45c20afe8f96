package dev.raftops.simulator.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceLineTest {

    @Test
    void fieldsKeepTheOrderTheyWerePutIn() {
        String json = TraceLine.of(5, "pod.ready", "sim/raft").put("pod", "raft-1").put("ordinal", 1)
                .put("leader", false).put("lag", null).toJson();
        assertThat(json).isEqualTo("{\"t\":5,\"kind\":\"pod.ready\",\"cluster\":\"sim/raft\",\"pod\":\"raft-1\","
                + "\"ordinal\":1,\"leader\":false,\"lag\":null}");
    }

    @Test
    void aLineReadsBackAsTheValuesWritten() {
        String json = TraceLine.of(7, "fault", "sim/raft").put("message", "quote \" slash \\ tab \t new\nline \u0001")
                .put("write", 12).put("ok", true).toJson();
        TraceRecord record = TraceRecord.parse(1, json);
        assertThat(record.kind()).isEqualTo("fault");
        assertThat(record.t()).isEqualTo(7);
        assertThat(record.string("message")).isEqualTo("quote \" slash \\ tab \t new\nline \u0001");
        assertThat(record.number("write")).isEqualTo(12);
        assertThat(record.flag("ok")).isTrue();
        assertThat(json).doesNotContain("\n");
    }

    @Test
    void nestedValuesAreRefused() {
        assertThatThrownBy(() -> TraceLine.of(0, "x", "c").put("list", java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLineThatIsNotAnObjectIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> TraceRecord.parse(3, "[1,2]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 0");
    }
}
