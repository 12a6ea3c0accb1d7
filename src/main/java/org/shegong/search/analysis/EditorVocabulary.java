package org.shegong.search.analysis;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.shegong.system.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dictionary words and synonym groups editors add in the back office (table {@code search_vocabulary}), read
 * with the shipped defaults by {@link LexiconSource}. The database holds them, so every node reads the same.
 */
@Repository
public class EditorVocabulary {

    /** What an entry is: a word the analyzer keeps whole, or a group of words that mean the same. */
    public enum Kind {
        WORD, SYNONYMS
    }

    static final int MAX_WORD = 30;
    static final int MAX_GROUP = 300;

    private final JdbcClient jdbc;
    private final Clock clock;

    public EditorVocabulary(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<String> all(Kind kind) {
        return jdbc.sql("SELECT entry FROM search_vocabulary WHERE kind = ? ORDER BY entry").param(kind.name())
                .query(String.class).list();
    }

    /**
     * Adds the words of {@code text} (one a line, or separated by commas or spaces); returns how many were new.
     *
     * @throws IllegalArgumentException with a message for the editor when a word is unusable
     */
    public int addWords(String text, long userId) {
        int added = 0;
        for (String word : words(text)) {
            added += insert(Kind.WORD, word, userId);
        }
        return added;
    }

    /** Adds each line of {@code text} as one synonym group (words separated by commas); returns how many were new. */
    public int addGroups(String text, long userId) {
        List<String> groups = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Set<String> group = new LinkedHashSet<>();
            for (String word : line.split("[,，、;；]")) {
                if (!word.isBlank()) {
                    group.add(checked(word.strip()));
                }
            }
            if (group.size() < 2) {
                throw new IllegalArgumentException("每组同义词至少要有两个词，用逗号分隔：" + line.strip());
            }
            String entry = String.join(",", group);
            if (entry.length() > MAX_GROUP) {
                throw new IllegalArgumentException("一组同义词不能超过 " + MAX_GROUP + " 个字");
            }
            groups.add(entry);
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("请填写同义词，每行一组，词之间用逗号分隔");
        }
        int added = 0;
        for (String group : groups) {
            added += insert(Kind.SYNONYMS, group, userId);
        }
        return added;
    }

    public boolean remove(Kind kind, String entry) {
        return jdbc.sql("DELETE FROM search_vocabulary WHERE kind = ? AND entry = ?").param(kind.name()).param(entry)
                .update() > 0;
    }

    private int insert(Kind kind, String entry, long userId) {
        Integer exists = jdbc.sql("SELECT COUNT(*) FROM search_vocabulary WHERE kind = ? AND entry = ?")
                .param(kind.name()).param(entry).query(Integer.class).single();
        if (exists > 0) {
            return 0;
        }
        return jdbc.sql("INSERT INTO search_vocabulary (kind, entry, created_at, created_by) VALUES (?, ?, ?, ?)")
                .param(kind.name()).param(entry).param(Times.toDb(clock.instant())).param(userId).update();
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.split("[\\s,，、;；]+")) {
            if (!word.isBlank() && !words.contains(word.strip())) {
                words.add(checked(word.strip()));
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("请填写要加入词典的词，每行一个");
        }
        return words;
    }

    private static String checked(String word) {
        if (word.length() < 2 || word.length() > MAX_WORD) {
            throw new IllegalArgumentException("词的长度应为 2 到 " + MAX_WORD + " 个字：" + word);
        }
        if (!word.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || "()（）·-".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("词只能包含汉字、字母、数字和括号：" + word);
        }
        return word;
    }
}
