package org.shegong.editorial.sensitive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.shegong.content.BodyHtml;
import org.shegong.system.Times;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The administrator-managed list of forbidden words and the scan of an article's title, summary and body. The
 * matcher is rebuilt when this node changes the list, and at least every 30 s to pick up changes made on
 * another node.
 */
@Service
public class SensitiveWords {

    private static final Duration REFRESH = Duration.ofSeconds(30);
    private static final int CONTEXT = 12;

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile AhoCorasick matcher;
    private volatile Instant loadedAt = Instant.MIN;

    public SensitiveWords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<String> all() {
        return jdbc.sql("SELECT word FROM sensitive_word ORDER BY word").query(String.class).list();
    }

    /** Adds the words (one per line or separated by commas); returns how many were new. */
    public int add(String text, Long userId) {
        int added = 0;
        for (String word : text.split("[\\r\\n,，、]+")) {
            String w = word.strip();
            if (w.isEmpty()) {
                continue;
            }
            if (w.length() > 100) {
                throw new IllegalArgumentException("敏感词不能超过 100 字：" + w.substring(0, 20) + "…");
            }
            try {
                added += jdbc.sql("INSERT INTO sensitive_word (word, created_at, created_by) VALUES (?, ?, ?)")
                        .params(w, Times.toDb(clock.instant()), userId).update();
            } catch (DuplicateKeyException alreadyThere) {
                // Adding a word twice is not an error.
            }
        }
        matcher = null;
        return added;
    }

    public boolean remove(String word) {
        boolean removed = jdbc.sql("DELETE FROM sensitive_word WHERE word = ?").param(word).update() > 0;
        matcher = null;
        return removed;
    }

    /** Every forbidden word in an article's title, subtitle, summary and body text (any of them may be null). */
    public List<SensitiveHit> scan(String title, String subtitle, String summary, String bodyHtml) {
        AhoCorasick current = matcher();
        List<SensitiveHit> hits = new ArrayList<>();
        scan(current, "标题", title, hits);
        scan(current, "副标题", subtitle, hits);
        scan(current, "摘要", summary, hits);
        scan(current, "正文", bodyHtml == null ? null : BodyHtml.plainText(bodyHtml), hits);
        return hits;
    }

    /** Every forbidden word in one plain text, reported under the given field name. */
    public List<SensitiveHit> scanText(String field, String text) {
        List<SensitiveHit> hits = new ArrayList<>();
        scan(matcher(), field, text, hits);
        return hits;
    }

    private static void scan(AhoCorasick matcher, String field, String text, List<SensitiveHit> hits) {
        if (text == null) {
            return;
        }
        for (AhoCorasick.Hit hit : matcher.find(text)) {
            hits.add(new SensitiveHit(field, text.substring(hit.start(), hit.end()),
                    text.substring(Math.max(0, hit.start() - CONTEXT), hit.start()),
                    text.substring(hit.end(), Math.min(text.length(), hit.end() + CONTEXT))));
        }
    }

    private AhoCorasick matcher() {
        AhoCorasick current = matcher;
        Instant now = clock.instant();
        if (current == null || loadedAt.plus(REFRESH).isBefore(now)) {
            current = new AhoCorasick(all());
            matcher = current;
            loadedAt = now;
        }
        return current;
    }
}
