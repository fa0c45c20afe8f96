package dev.raftops.sandbox;

import dev.raftops.simulator.runtime.RuntimeFaults;
import java.util.List;
import java.util.Locale;

/**
 * One fault of a sandbox run, as {@code --fault NAME[@ARG]} names it
 * (docs/decisions/runtime-faults.md and controller-faults.md). Controller faults count the
 * controller's writes (creates, updates, patches and deletes, not Events or its Lease) from the
 * moment the faults are injected: in the sandbox, from the request for {@code --to}.
 */
public sealed interface SandboxFault {

    /** The names {@link #parse} accepts, with the argument each takes. */
    List<String> USAGE = List.of("controller-crash@N", "conflict@N", "pod-never-ready@ORDINAL", "job-fail@ACTION",
            "api-refused@ORDINAL", "api-sealed@ORDINAL");

    /** After its {@code write}-th write (applied) the controller is discarded and a new one started. */
    record ControllerCrash(int write) implements SandboxFault {
    }

    /** The controller's {@code write}-th write is answered 409 Conflict and not applied. */
    record Conflict(int write) implements SandboxFault {
    }

    /**
     * Every {@code every}-th write of one kind, starting with the first, is answered 409 Conflict
     * and not applied (not a command-line fault: acceptance tests aim conflicts at status or
     * StatefulSet writes this way).
     */
    record ConflictOn(WriteKind kind, int every) implements SandboxFault {
    }

    /** What a controller write changes, by its path. */
    enum WriteKind {
        /** The RaftCluster status subresource. */
        STATUS,
        /** A StatefulSet (partition, template, maintenance marks, creation). */
        STATEFULSET,
        /** A pod (a delete). */
        POD,
        /** An executor Job. */
        JOB,
        /** Anything else counted: Services, the PodDisruptionBudget, the RaftCluster itself. */
        OTHER
    }

    /** The pod at {@code ordinal} never becomes Ready once recreated on a new revision. */
    record PodNeverReady(int ordinal) implements SandboxFault {
    }

    /**
     * The OpenBao API of the pod at {@code ordinal}, once it is recreated on a new revision, refuses
     * every connection ({@link RuntimeFaults.ApiFault#REFUSED}) or answers sealed ({@code SEALED})
     * while the fault is injected; the pod stays Ready to the kubelet.
     */
    record PodApi(int ordinal, RuntimeFaults.ApiFault fault) implements SandboxFault {
    }

    /** The first executor Job with label {@code raftops.dev/action = action} fails (one more per repetition). */
    record JobFail(String action) implements SandboxFault {
    }

    /**
     * Reads {@code NAME@ARG}; an unknown name or a bad argument is an {@link IllegalArgumentException}
     * whose message names the spec and the accepted forms.
     */
    static SandboxFault parse(String spec) {
        String text = spec == null ? "" : spec.trim();
        int at = text.indexOf('@');
        String name = (at < 0 ? text : text.substring(0, at)).toLowerCase(Locale.ROOT);
        String arg = at < 0 ? "" : text.substring(at + 1);
        switch (name) {
            case "controller-crash":
                return new ControllerCrash(number(spec, arg, 1, "a write number from 1"));
            case "conflict":
                return new Conflict(number(spec, arg, 1, "a write number from 1"));
            case "pod-never-ready":
                return new PodNeverReady(number(spec, arg, 0, "an ordinal from 0"));
            case "api-refused":
                return new PodApi(number(spec, arg, 0, "an ordinal from 0"), RuntimeFaults.ApiFault.REFUSED);
            case "api-sealed":
                return new PodApi(number(spec, arg, 0, "an ordinal from 0"), RuntimeFaults.ApiFault.SEALED);
            case "job-fail":
                if (!arg.matches("[a-z0-9][a-z0-9-]*")) {
                    throw bad(spec, "needs an executor Job action such as backup or step-down");
                }
                return new JobFail(arg);
            default:
                throw bad(spec, "is not a fault");
        }
    }

    /** {@code fault} as {@code --fault} spells it (the inverse of {@link #parse}); any other as its record. */
    static String spelling(SandboxFault fault) {
        if (fault instanceof ControllerCrash c) {
            return "controller-crash@" + c.write();
        }
        if (fault instanceof Conflict c) {
            return "conflict@" + c.write();
        }
        if (fault instanceof PodNeverReady p) {
            return "pod-never-ready@" + p.ordinal();
        }
        if (fault instanceof JobFail j) {
            return "job-fail@" + j.action();
        }
        if (fault instanceof PodApi p) {
            return p.fault().spelling() + "@" + p.ordinal();
        }
        return fault.toString();
    }

    /** The runtime's share of {@code faults}. */
    static RuntimeFaults runtimeFaults(List<SandboxFault> faults) {
        RuntimeFaults runtime = RuntimeFaults.none();
        for (SandboxFault fault : faults) {
            if (fault instanceof PodNeverReady p) {
                runtime = runtime.withNeverReady(p.ordinal());
            } else if (fault instanceof JobFail j) {
                runtime = runtime.withFailingJob(j.action());
            } else if (fault instanceof PodApi p) {
                runtime = runtime.withApi(p.ordinal(), p.fault());
            }
        }
        return runtime;
    }

    private static int number(String spec, String arg, int least, String what) {
        if (!arg.matches("[0-9]{1,9}") || Integer.parseInt(arg) < least) {
            throw bad(spec, "needs " + what);
        }
        return Integer.parseInt(arg);
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("fault \"" + spec + "\" " + why + "; faults: " + String.join(", ", USAGE));
    }
}
