package org.shegong.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 行业动态 grouped by province when configured: headings in code order, 全国 first, other sections untouched. */
class DigestProvinceGroupsTest {

    private static final List<DigestEntry> ENTRIES = List.of(
            new DigestEntry("policy", 1, "民政部印发通知", ""),
            new DigestEntry("news", 2, "沈阳浑南区社工站运营", "浑南"),
            new DigestEntry("news", 3, "北京社工周", ""),
            new DigestEntry("news", 4, "全国社工宣传周启动", ""),
            new DigestEntry("news", 5, "大连社工培训", ""));
    private static final Map<Long, EntryProvinces.Province> PROVINCES = Map.of(
            1L, new EntryProvinces.Province("110000", "北京市"),
            2L, new EntryProvinces.Province("210000", "辽宁省"),
            3L, new EntryProvinces.Province("110000", "北京市"),
            5L, new EntryProvinces.Province("210000", "辽宁省"));

    private static DigestProperties grouping(List<String> sections) {
        return new DigestProperties(null, null, null, null, null, null, null, null, sections);
    }

    @Test
    void configuredSectionsAreGroupedUnderTheirProvinces() {
        var sections = DigestRenderer.sections(grouping(List.of("news")), ENTRIES, PROVINCES);
        String html = DigestRenderer.html("导语", sections);
        assertThat(html).containsSubsequence("<h2>政策参考</h2>", "<h3><a href=\"/article/1\">民政部印发通知</a></h3>",
                "<h2>行业动态</h2>", "<h3>全国</h3>", "<h4><a href=\"/article/4\">", "<h3>北京市</h3>",
                "<h4><a href=\"/article/3\">", "<h3>辽宁省</h3>", "<h4><a href=\"/article/2\">", "<p>浑南</p>",
                "<h4><a href=\"/article/5\">");
        assertThat(DigestRenderer.text("一周动态", "导语", sections, "https://example.org"))
                .containsSubsequence("【行业动态】", "〔全国〕", "〔北京市〕", "· 北京社工周", "〔辽宁省〕", "· 沈阳浑南区社工站运营");
        assertThat(DigestRenderer.summary(sections)).isEqualTo("本期汇总政策参考 1 条、行业动态 4 条。");
    }

    @Test
    void withoutTheSettingNothingIsGrouped() {
        String html = DigestRenderer.html("导语", DigestRenderer.sections(grouping(null), ENTRIES, PROVINCES));
        assertThat(html).doesNotContain("<h3>辽宁省</h3>", "<h4>").contains("<h3><a href=\"/article/5\">大连社工培训</a></h3>");
    }
}
