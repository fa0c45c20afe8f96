package dev.raftops.controller.cli;

import java.util.Collection;
import java.util.Locale;

/** The known field name a mistyped one most likely meant. */
final class FieldNames {

    private FieldNames() {
    }

    /**
     * The name in {@code known} nearest to {@code typed} (same letters in another case, or at most two
     * edits, a swap of neighbours counting as one, and fewer than half the letters), or null.
     */
    static String nearest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : known) {
            int d = name.toLowerCase(Locale.ROOT).equals(typed.toLowerCase(Locale.ROOT)) ? 0 : distance(typed, name);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= 2 && bestDistance * 2 < typed.length() ? best : null;
    }

    /** Edits between {@code a} and {@code b}: insert, delete, replace, or swap two neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
