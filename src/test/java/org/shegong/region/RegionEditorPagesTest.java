package org.shegong.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.admin.AdminPages;
import org.shegong.column.ColumnService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The editor's 地区 field: shows the tagger's suggestion, refuses unknown or shared names, records a person's choice. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:backoffice;DB_CLOSE_DELAY=-1",
        "shegong.workflow.schedule-initial-delay=1h"}) // the same context as BackOfficePagesTest
@AutoConfigureMockMvc
class RegionEditorPagesTest {

    static final String PASSWORD = "pass-word-12345";
    static final String TITLE = "沈阳浑南区社工站正式运营";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;
    @Autowired RegionTagging tagging;

    private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, long column, String regions,
                                               String shown) {
        return request.param("title", TITLE).param("primaryColumn", String.valueOf(column)).param("kind", "NEWS")
                .param("body", "<p>正文</p>").param("regions", regions).param("regionsShown", shown);
    }

    @Test
    void editorsSeeTheSuggestionAndTheirChoiceIsKept() throws Exception {
        AdminPages pages = new AdminPages(mvc);
        long news = columns.bySlug("news").orElseThrow().id();
        accounts.create("regioneditor", "编辑", PASSWORD, false, List.of(new ColumnGrant(news, Role.EDITOR)));
        MockHttpSession editor = pages.login("regioneditor", PASSWORD);

        assertThat(pages.page(editor, "/admin/articles/new", 200)).contains("name=\"regions\"", "系统建议：全国");
        String location = mvc.perform(form(pages.send(editor, "/admin/articles"), news, "全国", "全国"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
        assertThat(tagging.of(id)).noneMatch(t -> t.source() == ArticleRegion.Source.PERSON);
        assertThat(pages.page(editor, "/admin/articles/" + id, 200)).contains("系统建议：辽宁省沈阳市浑南区", "自动标注");

        assertThat(pages.posted(form(pages.send(editor, "/admin/articles/" + id), news, "鼓楼区", "")
                .param("base", "1"), 400)).contains("「鼓楼区」有多个同名地区");
        assertThat(tagging.of(id)).noneMatch(t -> t.source() == ArticleRegion.Source.PERSON);

        pages.posted(form(pages.send(editor, "/admin/articles/" + id), news, "大连；辽宁省沈阳市浑南区", "")
                .param("base", "1"), 302);
        assertThat(tagging.of(id)).extracting(t -> t.region().code()).containsExactly("210200", "210112");
        assertThat(tagging.of(id)).allMatch(t -> t.source() == ArticleRegion.Source.PERSON);
        tagging.follow(id);
        assertThat(tagging.of(id).get(0).region().code()).isEqualTo("210200");
        assertThat(pages.page(editor, "/admin/articles/" + id, 200))
                .contains("value=\"辽宁省大连市；辽宁省沈阳市浑南区\"", "由编辑指定");
    }

    @Test
    void theArticleListFiltersByRegionWithThePlacesUnderIt() throws Exception {
        AdminPages pages = new AdminPages(mvc);
        long news = columns.bySlug("news").orElseThrow().id();
        accounts.create("regionlister", "编辑", PASSWORD, false, List.of(new ColumnGrant(news, Role.EDITOR)));
        MockHttpSession editor = pages.login("regionlister", PASSWORD);
        String location = mvc.perform(form(pages.send(editor, "/admin/articles"), news, "", "")
                        .param("title", "浑南区草稿：社工站开放日"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
        tagging.follow(id);

        String href = "href=\"/admin/articles/" + id + "\"";
        assertThat(pages.page(editor, "/admin/articles?region=辽宁", 200)).contains(href, "value=\"辽宁\"");
        assertThat(pages.page(editor, "/admin/articles?region=东北&status=DRAFT", 200)).contains(href);
        assertThat(pages.page(editor, "/admin/articles?region=210112", 200)).contains(href);
        assertThat(pages.page(editor, "/admin/articles?region=黑龙江", 200)).doesNotContain(href);
        assertThat(pages.page(editor, "/admin/articles?region=鼓楼区", 400)).contains("有多个同名地区");
        assertThat(pages.page(editor, "/admin/articles?region=辽宁 黑龙江", 400)).contains("地区筛选只能填写一个地区");
    }
}
