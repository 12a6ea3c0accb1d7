package org.shegong.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.account.Actor;
import org.shegong.account.Actors;
import org.shegong.editorial.workflow.ApproveAction;
import org.shegong.editorial.workflow.PublishAction;
import org.shegong.column.ReviewLevels;
import org.shegong.editorial.workflow.SubmitAction;
import org.shegong.column.ColumnService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every payload of the corpus is saved through the editor form (as body, title and summary), published, and the
 * public page is searched for anything that could run: script elements, event handlers, script URLs, frames,
 * objects, forms, styles, base or refresh tags.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:xss;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false", "shegong.workflow.schedule-initial-delay=1h"})
@AutoConfigureMockMvc
class XssCorpusTest {

    private static final List<String> FORBIDDEN_ELEMENTS = List.of("script", "iframe", "frame", "frameset", "object",
            "embed", "applet", "form", "input", "button", "select", "textarea", "style", "link", "meta", "base", "svg",
            "math", "video", "audio", "source", "details", "marquee", "template", "noscript", "xmp", "plaintext",
            "isindex", "keygen", "param");

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired Actors actors;
    @Autowired ColumnService columns;
    @Autowired ReviewLevels levels;
    @Autowired SubmitAction submit;
    @Autowired ApproveAction approve;
    @Autowired PublishAction publish;

    @Test
    void noPayloadOfTheCorpusSurvivesOnThePublicPage() throws Exception {
        List<String> payloads = Files.readAllLines(Path.of("src/test/resources/xss/payloads.txt"),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(100);

        long news = columns.bySlug("news").orElseThrow().id();
        levels.set(news, 1);
        long userId = accounts.create("xsschief", "终审", "pass-word-12345", false,
                List.of(new ColumnGrant(news, Role.CHIEF_EDITOR)));
        Actor chief = actors.of(userId, "127.0.0.1");
        // Nobody approves their own article: a second chief editor passes the one level.
        Actor reviewer = actors.of(accounts.create("xssreviewer", "终审二", "pass-word-12345", false,
                List.of(new ColumnGrant(news, Role.CHIEF_EDITOR))), "127.0.0.1");
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/admin/login").param("username", "xsschief")
                .param("password", "pass-word-12345").with(csrf())).andReturn().getRequest().getSession();

        List<String> survivors = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            String location = mvc.perform(post("/admin/articles").session(session).with(csrf())
                    .param("title", "标题" + i + payload).param("summary", payload)
                    .param("primaryColumn", String.valueOf(news)).param("kind", "NEWS")
                    .param("body", "<p>正文" + i + "</p>" + payload).param("tags", payload.length() > 60 ? "" : payload))
                    .andReturn().getResponse().getRedirectedUrl();
            assertThat(location).as("saved: %s", payload).isNotNull();
            long id = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
            submit.submit(chief, id, null);
            approve.approve(reviewer, id, null);
            publish.publish(chief, id, null, null);

            String html = mvc.perform(get("/article/" + id)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            String problem = dangerIn(Jsoup.parse(html));
            if (problem != null) {
                survivors.add(i + ": " + payload + " → " + problem);
            }
        }
        assertThat(survivors).isEmpty();
    }

    @Test
    void theCheckCatchesWhatAnUnsanitisedBodyWouldCarry() {
        assertThat(dangerIn(Jsoup.parse("<p>安全</p><a href=\"https://example.org\">链接</a>"))).isNull();
        assertThat(dangerIn(Jsoup.parse("<img src=x onerror=alert(1)>"))).contains("onerror");
        assertThat(dangerIn(Jsoup.parse("<a href=\" JaVa\tScRiPt:alert(1)\">x</a>"))).contains("href");
        assertThat(dangerIn(Jsoup.parse("<svg><a>x</a></svg>"))).contains("svg");
        assertThat(dangerIn(Jsoup.parse("<p style=\"x\">x</p>"))).contains("style");
        assertThat(dangerIn(Jsoup.parse("<head><script>alert(1)</script></head>"))).contains("script");
        assertThat(dangerIn(Jsoup.parse("<head><script src=\"//xss.example/a.js\"></script></head>"))).contains("script");
        assertThat(dangerIn(Jsoup.parse("<head><script type=\"application/ld+json\">{\"a\":\"</script>"
                + "<script>alert(1)</script>\"}</script></head>"))).contains("script");
        assertThat(dangerIn(Jsoup.parse("<main><p>x</p></main><main><img src=x onerror=alert(1)></main>")))
                .contains("onerror");
    }

    /** What in the page could run script, or null. */
    static String dangerIn(Document page) {
        for (Element element : page.head().children()) {
            String name = element.normalName();
            boolean allowed = name.equals("title") || name.equals("meta") && !element.hasAttr("http-equiv")
                    || name.equals("link") && List.of("stylesheet", "canonical", "alternate").contains(element.attr("rel"))
                    // The layout's own site icons.
                    || name.equals("link") && element.attr("rel").equals("icon")
                    && element.attr("href").startsWith("/favicon.")
                    // The layout's own static script, and the JSON-LD data block (data, never executed).
                    || name.equals("script") && element.attr("src").startsWith("/js/") && element.data().isEmpty()
                    || name.equals("script") && element.attr("type").equals("application/ld+json")
                    && !element.data().toLowerCase(Locale.ROOT).contains("</");
            if (!allowed) {
                return "head element <" + name + ">";
            }
        }
        // Reader-supplied text is rendered inside <main>; the header's search form is the template's own.
        org.jsoup.select.Elements mains = page.body().select("main");
        for (Element element : (mains.isEmpty() ? page.body().getAllElements() : mains.select("*"))) {
            String name = element.normalName();
            if (FORBIDDEN_ELEMENTS.contains(name)) {
                // The page's own font-size control is the only form field the public template has.
                if (name.equals("input") && element.parents().hasClass("font-size")) {
                    continue;
                }
                return "element <" + name + ">";
            }
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
                if (key.startsWith("on") || key.equals("style") || key.equals("srcdoc") || key.equals("formaction")) {
                    return "attribute " + key + " on <" + name + ">";
                }
                if ((key.equals("href") || key.equals("src") || key.equals("action") || key.equals("background")
                        || key.equals("dynsrc") || key.equals("lowsrc") || key.equals("data") || key.equals("srcset"))
                        && (value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:")
                        || value.contains("javascript&colon;"))) {
                    return key + "=" + attribute.getValue() + " on <" + name + ">";
                }
            }
        }
        return null;
    }
}
