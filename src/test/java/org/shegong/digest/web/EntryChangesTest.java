package org.shegong.digest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shegong.digest.DigestEntry;

/** The entry edits and the form inputs of the digest pages, without a server. */
class EntryChangesTest {

    static final List<DigestEntry> ENTRIES = List.of(entry("policy", 1), entry("news", 2), entry("policy", 3),
            entry("news", 4));

    static DigestEntry entry(String section, long id) {
        return new DigestEntry(section, id, "标题" + id, "");
    }

    static List<Long> ids(List<DigestEntry> entries) {
        return entries.stream().map(DigestEntry::articleId).toList();
    }

    @Test
    void movesStayWithinTheSectionAndStopAtItsEnds() {
        assertThat(ids(EntryChanges.move(ENTRIES, 2, 3, true))).containsExactly(3L, 2L, 1L, 4L);
        assertThat(ids(EntryChanges.move(ENTRIES, 1, 2, false))).containsExactly(1L, 4L, 3L, 2L);
        assertThatThrownBy(() -> EntryChanges.move(ENTRIES, 0, 1, true)).hasMessage("已经是本栏第一条");
        assertThatThrownBy(() -> EntryChanges.move(ENTRIES, 3, 4, false)).hasMessage("已经是本栏最后一条");
    }

    @Test
    void aFormFromAStalePageIsRefused() {
        assertThatThrownBy(() -> EntryChanges.drop(ENTRIES, 0, 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EntryChanges.move(ENTRIES, 9, 2, true)).isInstanceOf(IllegalStateException.class);
        assertThat(ids(EntryChanges.drop(ENTRIES, 1, 2))).containsExactly(1L, 3L, 4L);
    }

    @Test
    void addingGoesToTheEndOfItsSectionOnceOnly() {
        assertThat(ids(EntryChanges.add(ENTRIES, entry("policy", 5)))).containsExactly(1L, 2L, 3L, 5L, 4L);
        assertThat(ids(EntryChanges.add(ENTRIES, entry("federation", 6)))).containsExactly(1L, 2L, 3L, 4L, 6L);
        assertThatThrownBy(() -> EntryChanges.add(ENTRIES, entry("news", 3))).hasMessage("这篇文章已在本期中");
    }

    @Test
    void anArticleIsNamedByItsIdOrAnyLinkToItsPage() {
        assertThat(EntryChanges.articleId(" 1234 ")).isEqualTo(1234);
        assertThat(EntryChanges.articleId("https://www.example.org.cn/article/77")).isEqualTo(77);
        assertThat(EntryChanges.articleId("/article/78?from=rss#top")).isEqualTo(78);
        for (String bad : new String[] {"", "abc", "https://x.org/column/12", "/article/12abc",
                "99999999999999999999"}) {
            assertThatThrownBy(() -> EntryChanges.articleId(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aRangeByHandIsOneToThirtyOneDaysInOrder() {
        assertThat(RequestedWindow.parse("2025-03-01", "2025-03-31").to()).isEqualTo(LocalDate.parse("2025-03-31"));
        assertThat(RequestedWindow.parse("2025-03-01", "2025-03-01").from()).isEqualTo(LocalDate.parse("2025-03-01"));
        assertThatThrownBy(() -> RequestedWindow.parse("2025-03-01", "2025-04-01")).hasMessage("时间范围最长 31 天");
        assertThatThrownBy(() -> RequestedWindow.parse("2025-03-02", "2025-03-01")).hasMessage("结束日期不能早于开始日期");
        assertThatThrownBy(() -> RequestedWindow.parse("2025-02-30", "2025-03-01"))
                .hasMessage("开始日期格式不正确，请按 2025-03-01 填写");
        assertThatThrownBy(() -> RequestedWindow.parse("2025-03-01", " ")).hasMessage("请填写结束日期");
    }
}
