package org.shegong.editorial.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A character diff for Chinese text, which has no spaces between words: paragraphs (lines) are matched first,
 * then changed paragraphs are compared code point by code point (an emoji is one unit, never half a surrogate
 * pair), and the result is merged into runs, deletions before insertions within each change.
 */
public final class TextDiff {

    /** Beyond this many edits in one changed stretch the stretch is shown as replaced (bounded time and memory). */
    static final int MAX_EDITS = 2000;

    public enum Kind { EQUAL, DELETE, INSERT }

    /** A run of text that both sides share, only the old side has, or only the new side has. */
    public record Segment(Kind kind, String text) {
    }

    private TextDiff() {
    }

    public static List<Segment> diff(String before, String after) {
        String a = before == null ? "" : before;
        String b = after == null ? "" : after;
        List<String> linesA = lines(a);
        List<String> linesB = lines(b);
        Map<String, Integer> ids = new HashMap<>();
        List<Myers.Op> script = Myers.script(ids(linesA, ids), ids(linesB, ids), MAX_EDITS);
        List<Segment> raw = new ArrayList<>();
        if (script == null) {
            characters(a, b, raw);
        } else {
            int i = 0;
            int j = 0;
            StringBuilder deleted = new StringBuilder();
            StringBuilder inserted = new StringBuilder();
            for (Myers.Op op : script) {
                switch (op) {
                    case DELETE -> deleted.append(linesA.get(i++));
                    case INSERT -> inserted.append(linesB.get(j++));
                    case EQUAL -> {
                        characters(deleted.toString(), inserted.toString(), raw);
                        deleted.setLength(0);
                        inserted.setLength(0);
                        raw.add(new Segment(Kind.EQUAL, linesA.get(i++)));
                        j++;
                    }
                }
            }
            characters(deleted.toString(), inserted.toString(), raw);
        }
        return merge(raw);
    }

    /** Whether anything differs. */
    public static boolean changed(List<Segment> segments) {
        return segments.stream().anyMatch(s -> s.kind() != Kind.EQUAL);
    }

    private static void characters(String a, String b, List<Segment> out) {
        if (a.isEmpty() && b.isEmpty()) {
            return;
        }
        int[] cpA = a.codePoints().toArray();
        int[] cpB = b.codePoints().toArray();
        List<Myers.Op> script = Myers.script(cpA, cpB, MAX_EDITS);
        if (script == null) {
            out.add(new Segment(Kind.DELETE, a));
            out.add(new Segment(Kind.INSERT, b));
            return;
        }
        int i = 0;
        int j = 0;
        for (Myers.Op op : script) {
            switch (op) {
                case EQUAL -> {
                    out.add(new Segment(Kind.EQUAL, Character.toString(cpA[i++])));
                    j++;
                }
                case DELETE -> out.add(new Segment(Kind.DELETE, Character.toString(cpA[i++])));
                case INSERT -> out.add(new Segment(Kind.INSERT, Character.toString(cpB[j++])));
            }
        }
    }

    /** Joins neighbours of one kind; within a stretch of changes, all deleted text comes before inserted text. */
    private static List<Segment> merge(List<Segment> raw) {
        List<Segment> merged = new ArrayList<>();
        StringBuilder equal = new StringBuilder();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (Segment s : raw) {
            if (s.kind() == Kind.EQUAL) {
                flush(merged, deleted, inserted);
                equal.append(s.text());
            } else {
                if (!equal.isEmpty()) {
                    merged.add(new Segment(Kind.EQUAL, equal.toString()));
                    equal.setLength(0);
                }
                (s.kind() == Kind.DELETE ? deleted : inserted).append(s.text());
            }
        }
        flush(merged, deleted, inserted);
        if (!equal.isEmpty()) {
            merged.add(new Segment(Kind.EQUAL, equal.toString()));
        }
        return merged;
    }

    private static void flush(List<Segment> merged, StringBuilder deleted, StringBuilder inserted) {
        if (!deleted.isEmpty()) {
            merged.add(new Segment(Kind.DELETE, deleted.toString()));
            deleted.setLength(0);
        }
        if (!inserted.isEmpty()) {
            merged.add(new Segment(Kind.INSERT, inserted.toString()));
            inserted.setLength(0);
        }
    }

    /** Lines with their line break, so that joining them gives the text back. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static int[] ids(List<String> lines, Map<String, Integer> ids) {
        return lines.stream().mapToInt(line -> ids.computeIfAbsent(line, l -> ids.size())).toArray();
    }
}
