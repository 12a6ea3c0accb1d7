package org.shegong.digest.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shegong.digest.DigestEntry;

/**
 * The edits the digest page offers on the entry list, as pure functions over it. Each form names the entry by
 * its position and its article, so a page left open while someone else changed the list is refused rather
 * than moving the wrong entry.
 */
final class EntryChanges {

    private static final Pattern ARTICLE_URL = Pattern.compile("(?:^|/)article/(\\d{1,18})(?:[/?#].*)?$");
    private static final Pattern ARTICLE_ID = Pattern.compile("\\d{1,18}");

    private EntryChanges() {
    }

    /** Moves the entry one place up or down within its section (the page shows sections separately). */
    static List<DigestEntry> move(List<DigestEntry> entries, int index, long articleId, boolean up) {
        DigestEntry entry = at(entries, index, articleId);
        List<DigestEntry> changed = new ArrayList<>(entries);
        int step = up ? -1 : 1;
        for (int other = index + step; other >= 0 && other < entries.size(); other += step) {
            if (entries.get(other).sectionKey().equals(entry.sectionKey())) {
                changed.set(index, entries.get(other));
                changed.set(other, entry);
                return changed;
            }
        }
        throw new IllegalArgumentException(up ? "已经是本栏第一条" : "已经是本栏最后一条");
    }

    static List<DigestEntry> drop(List<DigestEntry> entries, int index, long articleId) {
        at(entries, index, articleId);
        List<DigestEntry> changed = new ArrayList<>(entries);
        changed.remove(index);
        return changed;
    }

    /** Appends the entry at the end of its section. */
    static List<DigestEntry> add(List<DigestEntry> entries, DigestEntry added) {
        if (entries.stream().anyMatch(e -> e.articleId() == added.articleId())) {
            throw new IllegalArgumentException("这篇文章已在本期中");
        }
        List<DigestEntry> changed = new ArrayList<>(entries);
        int last = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).sectionKey().equals(added.sectionKey())) {
                last = i;
            }
        }
        changed.add(last < 0 ? changed.size() : last + 1, added);
        return changed;
    }

    /** An article id ("1234") or any link to its page ("https://…/article/1234"). */
    static long articleId(String reference) {
        String text = reference == null ? "" : reference.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("请填写文章编号或网址");
        }
        if (ARTICLE_ID.matcher(text).matches()) {
            return Long.parseLong(text);
        }
        Matcher url = ARTICLE_URL.matcher(text);
        if (url.find()) {
            return Long.parseLong(url.group(1));
        }
        throw new IllegalArgumentException("无法识别的文章编号或网址：请填写数字编号或 /article/编号 形式的网址");
    }

    private static DigestEntry at(List<DigestEntry> entries, int index, long articleId) {
        if (index < 0 || index >= entries.size() || entries.get(index).articleId() != articleId) {
            throw new IllegalStateException("本期条目刚刚已被修改，请刷新页面后再试");
        }
        return entries.get(index);
    }
}
