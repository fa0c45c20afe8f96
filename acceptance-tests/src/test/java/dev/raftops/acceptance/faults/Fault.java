package dev.raftops.acceptance.faults;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * A fault played on the Lease holder's process, its network or the API server at a seeded point of
 * an operation. Each says what it did ({@link FaultPlayed}); the fence check of a fault that leaves
 * a stale leader alive starts at the moment that leader had lost the Lease.
 */
public enum Fault {

    /** SIGKILL of the leading controller: no shutdown hook, no Lease release. */
    KILL {
        @Override
        FaultPlayed play(ProcessWorld world, ControllerSlot leader, Random random) throws Exception {
            String token = leader.token();
            leader.kill();
            return FaultPlayed.of(this, token).withKills(1);
        }
    },

    /** SIGSTOP for longer than the Lease, then SIGCONT: the resumed leader must not write (the fence). */
    PAUSE {
        @Override
        FaultPlayed play(ProcessWorld world, ControllerSlot leader, Random random) throws Exception {
            String token = leader.token();
            leader.pause();
            boolean tookOver = takenOver(world, leader);
            Thread.sleep(500 + random.nextInt(1500));
            long resumed = System.nanoTime();
            leader.resume();
            FaultPlayed played = FaultPlayed.of(this, token).fencedFrom(resumed);
            return tookOver ? played : played.failing("no standby took the Lease of the paused " + token);
        }
    },

    /** The leader's proxy holds every byte both ways until the other replica holds the Lease, then heals. */
    CUT_OFF {
        @Override
        FaultPlayed play(ProcessWorld world, ControllerSlot leader, Random random) throws Exception {
            String token = leader.token();
            leader.proxy().cutOff();
            boolean tookOver = takenOver(world, leader);
            long lost = System.nanoTime();
            Thread.sleep(500 + random.nextInt(1500));
            leader.proxy().heal();
            FaultPlayed played = FaultPlayed.of(this, token).fencedFrom(lost).withProxyFaults(1);
            return tookOver ? played : played.failing("no standby took the Lease of the cut-off " + token);
        }
    },

    /** The leader's open connections (its watches among them) stop delivering answers, without a close. */
    WATCH_CUT {
        @Override
        FaultPlayed play(ProcessWorld world, ControllerSlot leader, Random random) {
            int cut = leader.proxy().halfOpen(Direction.DOWN);
            return FaultPlayed.of(this, leader.token()).withProxyFaults(cut);
        }
    },

    /** The leader's network for a while: delays, a share of connections dropped, resets, a short blackhole. */
    FLAKY_NETWORK {
        @Override
        FaultPlayed play(ProcessWorld world, ControllerSlot leader, Random random) throws Exception {
            FaultProxy proxy = leader.proxy();
            proxy.delay(Direction.UP, Duration.ofMillis(20 + random.nextInt(200)));
            proxy.delay(Direction.DOWN, Duration.ofMillis(20 + random.nextInt(200)));
            proxy.drop(0.1 + random.nextDouble() * 0.3);
            int reset = proxy.resetAll();
            proxy.blackhole(random.nextBoolean() ? Direction.UP : Direction.DOWN,
                    Duration.ofMillis(500 + random.nextInt(2500)));
            Thread.sleep(4000 + random.nextInt(4000));
            proxy.drop(0);
            proxy.heal();
            return FaultPlayed.of(this, leader.token()).withProxyFaults(4 + reset);
        }
    },

    /** A share of the controllers' requests answered 500, 503 or 429 with Retry-After, for some seconds. */
    HTTP_ERRORS {
        @Override
        FaultPlayed play(ProcessWorld world, ControllerSlot leader, Random random) throws Exception {
            int before = world.httpFaults().injected();
            world.httpFaults().refuse(0.1 + random.nextDouble() * 0.3, List.of(500, 503, 429));
            Thread.sleep(5000 + random.nextInt(5000));
            world.httpFaults().clear();
            return FaultPlayed.of(this, leader.token()).withHttpFaults(world.httpFaults().injected() - before);
        }
    },

    /** A burst of 409 Conflict answers to the controllers' next writes. */
    CONFLICTS {
        @Override
        FaultPlayed play(ProcessWorld world, ControllerSlot leader, Random random) throws Exception {
            int before = world.httpFaults().injected();
            world.httpFaults().conflicts(3 + random.nextInt(12));
            world.within(Duration.ofSeconds(10), () -> false);
            world.httpFaults().clear();
            return FaultPlayed.of(this, leader.token()).withHttpFaults(world.httpFaults().injected() - before);
        }
    };

    /**
     * Whether writes the leader sent while it still led may reach the API server after the takeover:
     * the cut-off's proxy holds the bytes and delivers them when it heals, as TCP does after a
     * partition. Their fence is the API server's precondition, not the process's check.
     */
    boolean deliversLate() {
        return this == CUT_OFF;
    }

    /** Whether another replica holds the Lease within three Lease durations. */
    private static boolean takenOver(ProcessWorld world, ControllerSlot leader) throws Exception {
        return world.within(Duration.ofSeconds(ProcessWorld.LEASE_SECONDS * 3L),
                () -> world.holder() != null && !leader.identity().equals(world.holder()));
    }

    /** Plays the fault on {@code leader} (the Lease holder's slot); returns once the fault is over. */
    abstract FaultPlayed play(ProcessWorld world, ControllerSlot leader, Random random) throws Exception;
}
