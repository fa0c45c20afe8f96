package dev.raftops.simulator.model;

import dev.raftops.domain.version.SemVer;
import dev.raftops.domain.version.WorkloadVersion;

/** How the simulated cluster reads versions: canonical SemVer where it parses, the text otherwise. */
public final class Versions {

    private Versions() {
    }

    /** The version a pod on {@code image} reports, as the domain names it; the image itself when its tag names none. */
    public static String ofImage(String image) {
        String version = WorkloadVersion.podVersion(image);
        return version == null ? image : version;
    }

    /** {@code version} in canonical SemVer form, or as written when it is not SemVer. */
    public static String canonical(String version) {
        try {
            return SemVer.parse(version).toString();
        } catch (IllegalArgumentException e) {
            return version;
        }
    }

    /** Whether {@code a} and {@code b} name the same version (SemVer order, else the same text). */
    public static boolean same(String a, String b) {
        try {
            return SemVer.parse(a).compareTo(SemVer.parse(b)) == 0;
        } catch (IllegalArgumentException e) {
            return a.equals(b);
        }
    }
}
