package org.shegong.site.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.shegong.column.ColumnService;
import org.shegong.content.Article;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.system.ControlCharacters;
import org.shegong.system.outbox.OutboxRelay;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xml.sax.InputSource;

/** Every character XML 1.0 forbids, in stored text, never reaches a feed or a sitemap (issue 11: one NUL broke the Atom feed). */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:controlchars;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false"})
@AutoConfigureMockMvc
class ControlCharacterFeedTest {

    /** All of C0 (tab, line feed and carriage return are allowed), DEL, U+FFFE, U+FFFF and lone surrogates. */
    static final String EVERY_FORBIDDEN;

    static {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        EVERY_FORBIDDEN = all.append('\u007F').append('\uFFFE').append('\uFFFF').append('\uD800').append("x")
                .append('\uDC00').toString();
    }

    @Autowired MockMvc mvc;
    @Autowired ArticleService articles;
    @Autowired ColumnService columns;
    @Autowired OutboxRelay relay;
    @Autowired JdbcClient jdbc;

    @Test
    void textIsCleanedOnTheWayInAndEveryXmlWriterDropsWhatXmlForbidsInOlderRows() throws Exception {
        long news = columns.bySlug("news").orElseThrow().id();
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        long savedId = articles.save(new ArticleInput("ctl-1", "标题" + EVERY_FORBIDDEN + "😀", null,
                "摘要" + EVERY_FORBIDDEN, "<p>正文" + EVERY_FORBIDDEN + "</p>", "来源" + EVERY_FORBIDDEN, "作者\u0000",
                null, Kind.NEWS, false, List.of(news), List.of("标签\u0001"), null, at, ArticleStatus.LIVE)).id();
        Article saved = articles.find(savedId).orElseThrow();
        assertThat(saved.title()).isEqualTo("标题\t\n\r\u007Fx😀");
        assertThat(saved.author()).isEqualTo("作者");
        assertThat(saved.tags()).containsExactly("标签");

        // A row stored before the cleaning existed.
        articles.save(new ArticleInput("ctl-2", "旧稿件", null, null, "<p>正文</p>", null, null, null, Kind.NEWS, false,
                List.of(news), List.of(), null, at.minusSeconds(60), ArticleStatus.LIVE));
        jdbc.sql("UPDATE article SET title = ?, list_summary = ? WHERE external_id = 'ctl-2'")
                .params("旧" + EVERY_FORBIDDEN, "旧摘要" + EVERY_FORBIDDEN).update();
        jdbc.sql("UPDATE column_node SET name = ? WHERE id = ?").params("行业动态\u0000", news).update();
        relay.drain();

        for (String url : List.of("/rss.xml", "/atom.xml", "/column/news/rss.xml", "/column/news/atom.xml")) {
            String xml = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            strictlyParse(xml);
            assertThat(new SyndFeedInput().build(new InputSource(new StringReader(xml))).getEntries()).hasSize(2);
            assertThat(xml).contains("旧").doesNotContain("\u0000", "\uFFFE", "\uFFFF");
        }
        for (String url : List.of("/sitemap.xml", "/sitemap-pages.xml", "/sitemap-articles-1.xml", "/sitemap-news.xml")) {
            strictlyParse(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void cleaningKeepsPairsAndAllowedWhitespaceAndReturnsCleanTextUnchanged() {
        String clean = "社工站 😀\t\n\r";
        assertThat(ControlCharacters.clean(clean)).isSameAs(clean);
        assertThat(ControlCharacters.clean("a\uDC00\uD800b\uD83D")).isEqualTo("ab");
        assertThat(ControlCharacters.clean(null)).isNull();
    }

    private static void strictlyParse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
