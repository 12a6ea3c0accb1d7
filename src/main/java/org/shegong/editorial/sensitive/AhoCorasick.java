package org.shegong.editorial.sensitive;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;

/**
 * Finds every occurrence of many words in one pass over a text (Aho-Corasick): time linear in the text plus the
 * number of hits, whatever the number of words. Latin letters match without case. Immutable once built.
 */
public final class AhoCorasick {

    /** One occurrence: the word, and where it stands in the text ([start, end) in chars). */
    public record Hit(String word, int start, int end) {
    }

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>();
        Node fail;
        /** Words ending here, including those reached through fail links (filled when built). */
        final List<String> output = new ArrayList<>(1);
    }

    private final Node root = new Node();
    private final int size;

    public AhoCorasick(Collection<String> words) {
        int count = 0;
        for (String word : words) {
            if (word == null || word.isBlank()) {
                continue;
            }
            String normal = normalise(word.strip());
            Node node = root;
            for (int i = 0; i < normal.length(); i++) {
                node = node.next.computeIfAbsent(normal.charAt(i), c -> new Node());
            }
            if (node.output.isEmpty()) { // the first spelling of a word that differs only in case wins
                node.output.add(word.strip());
                count++;
            }
        }
        size = count;
        link();
    }

    public int size() {
        return size;
    }

    private void link() {
        Queue<Node> queue = new ArrayDeque<>();
        for (Node child : root.next.values()) {
            child.fail = root;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            Node node = queue.remove();
            for (Map.Entry<Character, Node> edge : node.next.entrySet()) {
                Node child = edge.getValue();
                Node fail = node.fail;
                while (fail != null && !fail.next.containsKey(edge.getKey())) {
                    fail = fail.fail;
                }
                child.fail = fail == null ? root : fail.next.get(edge.getKey());
                child.output.addAll(child.fail.output);
                queue.add(child);
            }
        }
    }

    /** Every occurrence, overlapping ones included, in order of their end. */
    public List<Hit> find(String text) {
        List<Hit> hits = new ArrayList<>();
        if (text == null || size == 0) {
            return hits;
        }
        Node node = root;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            while (node != root && !node.next.containsKey(c)) {
                node = node.fail;
            }
            node = node.next.getOrDefault(c, root);
            for (String word : node.output) {
                hits.add(new Hit(word, i + 1 - word.length(), i + 1));
            }
        }
        return hits;
    }

    private static String normalise(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
