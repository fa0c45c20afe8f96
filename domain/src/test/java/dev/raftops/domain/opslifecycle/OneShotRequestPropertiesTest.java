package dev.raftops.domain.opslifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.PropertyCases.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One-shot tokens across passes and controller restarts. The model controller handles a pending
 * token (acting on it or ignoring it) and records it in {@link HandledRequests} within the same
 * status write, as a decision's nextStatus does; a restart loses only what the controller kept in
 * memory. Users write fresh token values (a timestamp, a counter), as the spec intends.
 */
class OneShotRequestPropertiesTest {

    enum Kind { RETRY, PROMOTE, ROLLBACK, BACKUP_TRIGGER }

    sealed interface Event permits SetToken, ClearToken, Pass, Restart {
    }

    /** The user sets {@code kind} to {@code value} (possibly the value it already has). */
    record SetToken(Kind kind, String value) implements Event {
    }

    /** The user empties the token ({@code ""} or removes it). */
    record ClearToken(Kind kind, boolean remove) implements Event {
    }

    /** One controller pass; {@code act} decides whether a pending token is acted on or ignored. */
    record Pass(boolean act) implements Event {
    }

    record Restart() implements Event {
    }

    static List<Event> events(Random r) {
        List<Event> events = new ArrayList<>();
        int fresh = 0;
        int n = Generate.between(r, 1, 60);
        String[] last = new String[Kind.values().length];
        for (int i = 0; i < n; i++) {
            int roll = r.nextInt(10);
            Kind kind = Generate.oneOf(r, Kind.values());
            if (roll < 3) {
                last[kind.ordinal()] = "t" + (++fresh);
                events.add(new SetToken(kind, last[kind.ordinal()]));
            } else if (roll == 3 && last[kind.ordinal()] != null) {
                events.add(new SetToken(kind, last[kind.ordinal()])); // a re-apply of the same manifest
            } else if (roll == 4) {
                events.add(new ClearToken(kind, r.nextBoolean()));
            } else if (roll < 9) {
                events.add(new Pass(r.nextBoolean()));
            } else {
                events.add(new Restart());
            }
        }
        return events;
    }

    static Stream<Arguments> histories() {
        return PropertyCases.of(300, OneShotRequestPropertiesTest::events);
    }

    /** The controller process: its in-memory state is lost on restart, the persisted status is not. */
    static final class Controller {
        final TreeMap<String, Integer> handled = new TreeMap<>();
        Set<String> seenThisProcess = new TreeSet<>(); // in-memory only; must not matter

        HandledRequests pass(TreeMap<Kind, String> spec, HandledRequests status, boolean act) {
            HandledRequests next = status;
            for (Kind kind : Kind.values()) {
                String token = spec.get(kind);
                if (new OneShotRequest(token, lastHandled(next, kind)).pending()) {
                    handled.merge(kind + "=" + token, 1, Integer::sum);
                    seenThisProcess.add(kind + "=" + token + (act ? " acted" : " ignored"));
                    next = record(next, kind, token);
                }
            }
            return next;
        }
    }

    static String lastHandled(HandledRequests h, Kind kind) {
        return switch (kind) {
            case RETRY -> h.lastHandledRetry();
            case PROMOTE -> h.lastHandledPromote();
            case ROLLBACK -> h.lastHandledRollback();
            case BACKUP_TRIGGER -> h.lastHandledBackupTrigger();
        };
    }

    static HandledRequests record(HandledRequests h, Kind kind, String token) {
        return switch (kind) {
            case RETRY -> h.withRetry(token);
            case PROMOTE -> h.withPromote(token);
            case ROLLBACK -> h.withRollback(token);
            case BACKUP_TRIGGER -> h.withBackupTrigger(token);
        };
    }

    @ParameterizedTest
    @MethodSource("histories")
    void everyTokenValueIsHandledExactlyOnce(Case<List<Event>> c) {
        TreeMap<Kind, String> spec = new TreeMap<>();
        HandledRequests persisted = HandledRequests.none();
        Controller controller = new Controller();
        TreeMap<String, Integer> handled = new TreeMap<>();
        Set<String> seenByAPass = new TreeSet<>();
        for (Event event : c.value()) {
            if (event instanceof SetToken set) {
                spec.put(set.kind(), set.value());
            } else if (event instanceof ClearToken clear) {
                if (clear.remove()) {
                    spec.remove(clear.kind());
                } else {
                    spec.put(clear.kind(), "");
                }
            } else if (event instanceof Pass pass) {
                spec.forEach((kind, token) -> {
                    if (!token.isEmpty()) {
                        seenByAPass.add(kind + "=" + token);
                    }
                });
                persisted = controller.pass(spec, persisted, pass.act());
            } else {
                controller.handled.forEach((k, v) -> handled.merge(k, v, Integer::sum));
                controller = new Controller();
            }
        }
        persisted = controller.pass(spec, persisted, true); // a last pass handles whatever is still pending
        spec.forEach((kind, token) -> {
            if (!token.isEmpty()) {
                seenByAPass.add(kind + "=" + token);
            }
        });
        controller.handled.forEach((k, v) -> handled.merge(k, v, Integer::sum));

        handled.forEach((token, times) -> assertThat(times)
                .as(c.why("invariant token " + token + " is handled at most once")).isEqualTo(1));
        assertThat(handled.keySet()).as(c.why("invariant every token a pass saw is handled exactly once"))
                .isEqualTo(seenByAPass);
        for (Kind kind : Kind.values()) {
            String token = spec.get(kind);
            assertThat(new OneShotRequest(token, lastHandled(persisted, kind)).pending())
                    .as(c.why("invariant nothing stays pending after a pass: " + kind)).isFalse();
            if (token != null && !token.isEmpty()) {
                assertThat(lastHandled(persisted, kind)).as(c.why("invariant status records the handled " + kind))
                        .isEqualTo(token);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("histories")
    void anEmptyOrHandledTokenIsNeverPending(Case<List<Event>> c) {
        Random r = new Random(c.seed());
        String handled = Generate.oneOf(r, null, "", "t1", "t2");
        assertThat(new OneShotRequest(null, handled).pending()).as(c.why("invariant null is not pending")).isFalse();
        assertThat(new OneShotRequest("", handled).pending()).as(c.why("invariant empty is not pending")).isFalse();
        if (handled != null && !handled.isEmpty()) {
            assertThat(new OneShotRequest(handled, handled).pending())
                    .as(c.why("invariant a handled token is not pending")).isFalse();
        }
        assertThat(new OneShotRequest("t3", handled).pending()).as(c.why("invariant a new token is pending")).isTrue();
    }
}
