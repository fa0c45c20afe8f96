package dev.raftops.sandbox.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One view of a cluster: its pods, per StatefulSet (each entry a pod or a range of alike pods),
 * and its state ({@code key=value} words), as one text to compare and as lines that fit a terminal.
 */
record SandboxLine(List<List<String>> sets, List<String> state) {

    SandboxLine {
        sets = sets.stream().map(List::copyOf).toList();
        state = List.copyOf(state);
    }

    /** A message of words, no pods. */
    static SandboxLine words(String text) {
        return new SandboxLine(List.of(), List.of(text.split(" ")));
    }

    /** Everything on one line: pods separated by {@code |}, then the state. */
    String text() {
        List<String> parts = new ArrayList<>();
        sets.forEach(set -> parts.add(String.join(" | ", set)));
        if (!state.isEmpty()) {
            parts.add(String.join(" ", state));
        }
        return String.join(" | ", parts);
    }

    /**
     * The text as lines of at most {@code width} characters: one line when it fits; otherwise each
     * StatefulSet's pods, then the state, start a line of their own and fill as many lines as they
     * need. A pod entry or a state word is never split (one longer than the width stands alone).
     */
    List<String> wrapped(int width) {
        String whole = text();
        if (whole.length() <= width) {
            return List.of(whole);
        }
        List<String> lines = new ArrayList<>();
        sets.forEach(set -> fill(lines, set, " | ", width));
        fill(lines, state, " ", width);
        return lines;
    }

    /** Adds {@code words} as new lines, each as full as {@code width} allows. */
    private static void fill(List<String> lines, List<String> words, String separator, String lineEnd, int width) {
        StringBuilder current = new StringBuilder();
        for (String word : words) {
            if (current.isEmpty()) {
                current.append(word);
            } else if (current.length() + separator.length() + word.length() <= width) {
                current.append(separator).append(word);
            } else {
                if (current.length() + lineEnd.length() <= width) {
                    current.append(lineEnd);
                }
                lines.add(current.toString());
                current.setLength(0);
                current.append(word);
            }
        }
        if (!current.isEmpty()) {
            lines.add(current.toString());
        }
    }

    private static void fill(List<String> lines, List<String> words, String separator, int width) {
        fill(lines, words, separator, separator.isBlank() ? "" : " " + separator.strip(), width);
    }
}
