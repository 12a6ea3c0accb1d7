package org.shegong.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The first-segment mapping finds the same handler Spring's own would, for literal, variable and wildcard first
 * segments, the root, escapes, 404s and 405s: it only skips mappings that could not have matched.
 */
class FirstSegmentHandlerMappingTest {

    @RestController
    static class Routes {
        @GetMapping("/")
        String home() {
            return "home";
        }

        @GetMapping("/article/{id}")
        String article(@PathVariable long id) {
            return "article " + id;
        }

        @GetMapping({"/column/{slug}", "/column/{slug}/page/{page}"})
        String column(@PathVariable String slug) {
            return "column " + slug;
        }

        @GetMapping("/sitemap-articles-{page}.xml")
        String sitemap(@PathVariable int page) {
            return "sitemap " + page;
        }

        @GetMapping("/{slug}")
        String single(@PathVariable String slug) {
            return "single " + slug;
        }

        @GetMapping("/files/**")
        String files() {
            return "files";
        }
    }

    @RestController
    @RequestMapping("/admin")
    static class Admin {
        @GetMapping("/articles/{id}")
        String edit(@PathVariable long id) {
            return "admin article " + id;
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Routes(), new Admin())
            .setCustomHandlerMapping(FirstSegmentHandlerMapping::new).build();
    private final MockMvc plain = MockMvcBuilders.standaloneSetup(new Routes(), new Admin()).build();

    @ParameterizedTest
    @CsvSource({
            "/, home",
            "/article/42, article 42",
            "/column/news, column news",
            "/column/news/page/3, column news",
            "/sitemap-articles-2.xml, sitemap 2",
            "/about, single about",
            "/article, single article",
            "/files/a/b.pdf, files",
            "/admin/articles/7, admin article 7",
            "/%61dmin/articles/7, admin article 7",
            "/colum%6E/news, column news"})
    void findsTheHandlerSpringsOwnMappingFinds(String path, String answer) throws Exception {
        plain.perform(get(java.net.URI.create(path))).andExpect(status().isOk()).andExpect(content().string(answer));
        mvc.perform(get(java.net.URI.create(path))).andExpect(status().isOk()).andExpect(content().string(answer));
    }

    @Test
    void unmatchedPathsAndMethodsAreAnsweredAsSpringWould() throws Exception {
        for (MockMvc each : new MockMvc[] {mvc, plain}) {
            each.perform(get("/article/42/extra")).andExpect(status().isNotFound());
            each.perform(get("/admin/nothing")).andExpect(status().isNotFound());
            each.perform(post("/article/42")).andExpect(status().isMethodNotAllowed());
        }
    }

    @Test
    void firstSegmentsOfPathsAndPatterns() {
        assertThat(FirstSegmentHandlerMapping.firstSegment("/")).isEmpty();
        assertThat(FirstSegmentHandlerMapping.firstSegment("/article/42")).isEqualTo("article");
        assertThat(FirstSegmentHandlerMapping.firstSegment("/robots.txt")).isEqualTo("robots.txt");
        assertThat(FirstSegmentHandlerMapping.firstSegment("/%61dmin/x")).as("decoded by Spring only").isNull();
        assertThat(FirstSegmentHandlerMapping.firstSegment("")).isNull();
    }
}
