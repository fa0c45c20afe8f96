package dev.raftops.simulator.check;

import dev.raftops.domain.version.SemVer;

/** How the checker orders versions: SemVer precedence, text order for anything else. */
final class VersionOrder {

    private VersionOrder() {
    }

    static boolean same(String a, String b) {
        return a != null && b != null && compare(a, b) == 0;
    }

    static int compare(String a, String b) {
        try {
            return SemVer.parse(a).compareTo(SemVer.parse(b));
        } catch (IllegalArgumentException e) {
            return a.compareTo(b);
        }
    }
}
