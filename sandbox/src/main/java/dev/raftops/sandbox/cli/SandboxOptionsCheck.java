package dev.raftops.sandbox.cli;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.SpecTimeouts;
import dev.raftops.adapters.fabric8.crd.SpecUpgrade;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.domain.version.SemVer;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.sandbox.SandboxFault;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * The sandbox's options, checked before anything starts (docs/decisions/sandbox-input-and-output.md):
 * the first one that is wrong is a {@link ParameterException} naming the option, its value and what
 * is allowed, which the command line's usage error handler (controller-app's {@code UsageErrorLine},
 * installed by {@code RaftopsCommand.commandLine()}) prints as one line with exit code 2.
 */
final class SandboxOptionsCheck {

    /** The most Raft members the sandbox plays; more do not start within a sensible time on one machine. */
    static final int MAX_REPLICAS = 15;

    private final CommandLine cli;

    private SandboxOptionsCheck(CommandLine cli) {
        this.cli = cli;
    }

    /** Refuses the first bad option of {@code c}. */
    static void check(SandboxCommand c, CommandLine cli) {
        new SandboxOptionsCheck(cli).all(c);
    }

    private void all(SandboxCommand c) {
        if (c.replicas < 1 || c.replicas > MAX_REPLICAS) {
            throw bad("--replicas", c.replicas, "a number of Raft members from 1 to " + MAX_REPLICAS);
        }
        if (c.leader != null && (c.leader < 0 || c.leader >= c.replicas)) {
            throw bad("--leader", c.leader, "an ordinal from 0 to " + (c.replicas - 1) + " (--replicas " + c.replicas
                    + ")");
        }
        UpgradeStrategy strategy = strategy(c.strategy);
        scenario(c.scenario, strategy);
        version("--from", c.from, "");
        version("--to", c.to, "");
        if (!"none".equalsIgnoreCase(c.thenBlueGreen)) {
            version("--then-blue-green", c.thenBlueGreen, " or none");
        }
        if (c.readyDelayMillis < 0 || c.readyDelayMillis > 600_000) {
            throw bad("--ready-delay", c.readyDelayMillis, "milliseconds from 0 to 600000");
        }
        if (c.timeoutSeconds < 1) {
            throw bad("--timeout", c.timeoutSeconds, "seconds from 1");
        }
        podReadyTimeout(c, strategy);
        writable("--trace", c.trace);
        writable("--log", c.log);
        writable("--timeline", c.timeline);
        writable("--kubeconfig", c.kubeconfig);
        for (SandboxFault fault : c.faults) {
            if (fault instanceof SandboxFault.PodNeverReady p && p.ordinal() >= c.replicas) {
                throw bad("--fault", "pod-never-ready@" + p.ordinal(), "an ordinal from 0 to " + (c.replicas - 1)
                        + " (--replicas " + c.replicas + ")");
            }
        }
    }

    private UpgradeStrategy strategy(String value) {
        try {
            return UpgradeStrategy.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw bad("--strategy", value, "RollingUpdate or BlueGreen");
        }
    }

    /** A scenario other than the tour runs one RollingUpdate cluster at --from. */
    private void scenario(String value, UpgradeStrategy strategy) {
        try {
            if (SandboxScenario.parse(value) != SandboxScenario.TOUR && strategy != UpgradeStrategy.ROLLING_UPDATE) {
                throw bad("--scenario", value, "tour with --strategy " + strategy.wireName()
                        + " (restore and restart run a RollingUpdate cluster)");
            }
        } catch (IllegalArgumentException e) {
            throw bad("--scenario", value, SandboxScenario.choices());
        }
    }

    private void version(String option, String value, String orElse) {
        try {
            SemVer.parse(value);
        } catch (IllegalArgumentException e) {
            throw bad(option, value, "a semantic version such as 2.4.4" + orElse + " (" + e.getMessage() + ")");
        }
    }

    /** Read as the controller reads {@code spec.upgrade.timeouts.podReady}: through the adapters' spec mapping. */
    private void podReadyTimeout(SandboxCommand c, UpgradeStrategy strategy) {
        if (c.podReadyTimeout == null) {
            return;
        }
        ClusterSpec spec = ClusterSpec.of(c.to, null, c.replicas);
        RaftCluster cr = Fabric8Adapters.raftCluster(new ClusterKey("sandbox", "check"),
                spec.withUpgrade(spec.upgrade().withStrategy(strategy)));
        if (cr.getSpec().upgrade == null) {
            cr.getSpec().upgrade = new SpecUpgrade();
        }
        if (cr.getSpec().upgrade.timeouts == null) {
            cr.getSpec().upgrade.timeouts = new SpecTimeouts();
        }
        cr.getSpec().upgrade.timeouts.podReady = c.podReadyTimeout;
        if (Fabric8Adapters.document(cr).spec() instanceof SpecReading.Invalid invalid
                && invalid.field().equals("spec.upgrade.timeouts.podReady")) {
            throw bad("--pod-ready-timeout", c.podReadyTimeout, "a positive duration such as 90s, 10m or 1h30m");
        }
    }

    /** The file may be created or overwritten: its directory exists and is writable, and it is no directory. */
    private void writable(String option, Path file) {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file) || parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)
                || (Files.exists(file) && !Files.isWritable(file))) {
            throw bad(option, file, "a file to write in an existing, writable directory");
        }
    }

    private ParameterException bad(String option, Object value, String allowed) {
        return new ParameterException(cli, "Invalid value for option '" + option + "': '" + value + "'; allowed: "
                + allowed);
    }
}
