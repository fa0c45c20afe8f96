package dev.raftops.ports;

import java.util.ArrayList;
import java.util.List;

/**
 * A tiny JSON reader for the merge patches the docs show: the dotted paths of the leaves (scalars,
 * arrays, nulls, empty objects), so they can be checked against the CRD.
 */
final class MergePatchPaths {

    private final String text;
    private int at;
    private final List<String> leaves = new ArrayList<>();

    private MergePatchPaths(String text) {
        this.text = text;
    }

    static List<String> leafPaths(String json) {
        MergePatchPaths reader = new MergePatchPaths(json);
        reader.value("");
        return reader.leaves;
    }

    private void value(String path) {
        skipSpace();
        char c = text.charAt(at);
        if (c == '{') {
            at++;
            skipSpace();
            if (text.charAt(at) == '}') {
                at++;
                leaves.add(path);
                return;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                value(path.isEmpty() ? key : path + "." + key);
                skipSpace();
                if (text.charAt(at) == ',') {
                    at++;
                } else {
                    expect('}');
                    return;
                }
            }
        }
        leaves.add(path);
        if (c == '"') {
            string();
        } else if (c == '[') {
            int depth = 0;
            do {
                char d = text.charAt(at++);
                depth += d == '[' ? 1 : d == ']' ? -1 : 0;
            } while (depth > 0);
        } else {
            while (at < text.length() && ",}] \n".indexOf(text.charAt(at)) < 0) {
                at++;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder s = new StringBuilder();
        while (text.charAt(at) != '"') {
            if (text.charAt(at) == '\\') {
                at++;
            }
            s.append(text.charAt(at++));
        }
        at++;
        return s.toString();
    }

    private void expect(char c) {
        if (text.charAt(at) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + at + " in " + text);
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}

