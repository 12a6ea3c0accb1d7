package org.shegong.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.shegong.account.AccountService;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleService;
import org.shegong.digest.Digest;
import org.shegong.digest.DigestService;
import org.shegong.media.MediaService;
import org.shegong.region.RegionTagging;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API endpoint, with good and bad input, over real HTTP against the demo site plus an article with a picture
 * and a published digest; every response (successes and problem details alike) must validate against the
 * description the same server publishes at /v3/api-docs, and every documented path must have been exercised.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-contract;DB_CLOSE_DELAY=-1",
        "shegong.workflow.schedule-initial-delay=1h", "shegong.digest.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired AccountService accounts;
    @Autowired MediaService media;
    @Autowired ArticleService articles;
    @Autowired ColumnService columns;
    @Autowired DigestService digests;
    @Autowired RegionTagging regions;

    private OpenApiContract contract;
    private long pictureArticle;
    private Digest digest;
    private final List<String> violations = new ArrayList<>();

    @DynamicPropertySource
    static void mediaDirectory(DynamicPropertyRegistry registry) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("shegong-api-media");
        registry.add("shegong.media.directory", dir::toString);
    }

    @BeforeAll
    void data() throws Exception {
        pictureArticle = ApiFixture.articleWithPicture(accounts, media, articles, columns);
        digest = ApiFixture.publishedDigest(context);
        // Region tags follow the outbox: wait until the new article is tagged.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (regions.of(pictureArticle).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        // The search index is rebuilt from the database in the background on first start: wait until it holds the
        // demo's 行业动态 (more than one page of 社会工作), which the search calls below page through.
        String secondPage = "/api/v1/search?q=" + q("社会工作") + "&column=news&kind=news&sort=newest&page=2&from=2021-01-01";
        while (ApiFixture.get(port, secondPage).statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        HttpResponse<String> docs = ApiFixture.get(port, "/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        contract = new OpenApiContract(docs.body());
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "api-docs.json"), docs.body());
    }

    private JsonNode call(String pathAndQuery, int expectedStatus) {
        HttpResponse<String> response = ApiFixture.get(port, pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery + " → " + response.body()).isEqualTo(expectedStatus);
        violations.addAll(contract.check(response));
        return JSON.readTree(response.body());
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void everyEndpointAnswersAsItsDescriptionSays() {
        JsonNode tree = call("/api/v1/columns", 200);
        assertThat(tree.path("columns").findValuesAsString("slug")).contains("news", "policy", "weekly");

        JsonNode first = call("/api/v1/articles?limit=5", 200);
        assertThat(first.path("items")).hasSize(5);
        JsonNode second = call("/api/v1/articles?limit=5&cursor=" + first.path("next_cursor").asString(), 200);
        assertThat(second.path("items").get(0).path("id").asLong())
                .isNotEqualTo(first.path("items").get(4).path("id").asLong());
        call("/api/v1/articles?column=news&kind=news&from=2021-01-01&to=2021-12-31", 200);
        JsonNode tagged = call("/api/v1/articles?tag=" + q(ApiFixture.TAG), 200);
        assertThat(tagged.path("items").findValuesAsString("title")).containsExactly("辽宁省沈阳市浑南区社工站开放日");
        assertThat(tagged.path("next_cursor").isNull()).isTrue();
        JsonNode inRegion = call("/api/v1/articles?region=210112", 200);
        assertThat(inRegion.path("items").findValues("id").stream().map(JsonNode::asLong)).contains(pictureArticle);

        JsonNode article = call("/api/v1/articles/" + pictureArticle, 200);
        assertThat(article.path("body_text").asString()).contains("开放日活动");
        assertThat(article.path("tags").toString()).contains(ApiFixture.TAG);
        JsonNode picture = article.path("media").get(0);
        assertThat(picture.path("width").asInt()).isEqualTo(1400);
        assertThat(picture.path("height").asInt()).isEqualTo(700);
        assertThat(picture.path("variants").findValues("width").stream().map(JsonNode::asInt)).contains(320, 640, 1280);
        assertThat(article.path("media")).hasSize(1);
        assertThat(article.path("regions").findValuesAsString("code")).contains("210112");

        JsonNode found = call("/api/v1/search?q=" + q("社工站"), 200);
        assertThat(found.path("total").asLong()).isPositive();
        call("/api/v1/search?q=sgz", 200);
        call("/api/v1/search?q=" + q("社会工作") + "&column=news&kind=news&sort=newest&page=2&from=2021-01-01", 200);
        call("/api/v1/search", 200);

        JsonNode digestPage = call("/api/v1/digests?limit=1", 200);
        assertThat(digestPage.path("items").get(0).path("id").asLong()).isEqualTo(digest.id());
        JsonNode oneDigest = call("/api/v1/digests/" + digest.id(), 200);
        assertThat(oneDigest.path("title").asString()).isEqualTo("社会工作一周动态 (8.16-8.22)");

        JsonNode provinces = call("/api/v1/regions", 200);
        assertThat(provinces.path("regions").findValuesAsString("code")).contains("000000", "210000");
        assertThat(call("/api/v1/regions?parent=210000", 200).path("regions").findValuesAsString("name"))
                .contains("沈阳市");

        assertThat(violations).isEmpty();
    }

    @Test
    void badInputIsA400WithProblemDetailsInChineseAndEnglish() {
        for (String bad : List.of("/api/v1/articles?cursor=garbage", "/api/v1/articles?cursor=" + "A".repeat(500),
                "/api/v1/articles?cursor=LTk5OTk5OTk5OTk5OS4wLjE", "/api/v1/articles?limit=100000",
                "/api/v1/articles?limit=0", "/api/v1/articles?limit=-3", "/api/v1/articles?from=2021-13-45", "/api/v1/articles?to=0001-01-01",
                "/api/v1/articles?from=2021-09-01&to=2021-08-01", "/api/v1/articles?kind=rumour",
                "/api/v1/articles?column=nope", "/api/v1/articles?region=999999", "/api/v1/articles/abc",
                "/api/v1/articles/99999999999999999999", "/api/v1/search?page=0", "/api/v1/search?sort=random",
                "/api/v1/search?to=yesterday", "/api/v1/regions?parent=zzz", "/api/v1/digests/x",
                "/api/v1/digests?cursor=%25%25%25")) {
            JsonNode problem = call(bad, 400);
            assertThat(problem.path("title").asString()).as(bad).isEqualTo("请求参数有误");
            assertThat(problem.path("title_en").asString()).as(bad).isEqualTo("Bad Request");
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(problem.path("detail").asString()).as(bad).isNotBlank();
        }
        assertThat(call("/api/v1/articles?limit=100000", 400).path("code").asString()).isEqualTo("invalid-limit");
        assertThat(call("/api/v1/articles?cursor=garbage", 400).path("detail").asString()).contains("next_cursor");
        for (String missing : List.of("/api/v1/articles/999999999", "/api/v1/digests/999999",
                "/api/v1/search?q=" + q("社工") + "&page=999")) {
            JsonNode problem = call(missing, 404);
            assertThat(problem.path("title_en").asString()).isEqualTo("Not Found");
        }
        assertThat(violations).isEmpty();
    }

    /** The check is not a formality: an undocumented field, a wrong type or a missing field each fail it. */
    @Test
    void theContractRejectsWhatTheDescriptionDoesNotSay() {
        String good = "{\"regions\":[{\"code\":\"210000\",\"name\":\"辽宁省\",\"short_name\":\"辽宁\","
                + "\"level\":\"province\",\"parent_code\":null}]}";
        assertThat(contract.check("GET", "/api/v1/regions", 200, "application/json", good)).isEmpty();
        assertThat(contract.check("GET", "/api/v1/regions", 200, "application/json",
                good.replace("\"level\"", "\"secret\":1,\"level\""))).isNotEmpty();
        assertThat(contract.check("GET", "/api/v1/regions", 200, "application/json",
                good.replace("\"210000\"", "210000"))).isNotEmpty();
        assertThat(contract.check("GET", "/api/v1/regions", 200, "application/json",
                good.replace("\"name\":\"辽宁省\",", ""))).isNotEmpty();
        assertThat(contract.check("GET", "/api/v1/regions", 200, "text/html", good)).isNotEmpty();
        assertThat(contract.check("GET", "/api/v1/regions", 503, "application/json", good)).isNotEmpty();
        assertThat(contract.check("GET", "/api/v1/nowhere", 200, "application/json", good)).isNotEmpty();
    }

    @Test
    void everyDocumentedPathIsExercised() {
        everyEndpointAnswersAsItsDescriptionSays();
        badInputIsA400WithProblemDetailsInChineseAndEnglish();
        // The write API's paths (/api/v1/drafts…) are exercised, with tokens, by WriteApiTest against the same description.
        assertThat(contract.exercisedPaths()).containsExactlyInAnyOrderElementsOf(contract.documentedPaths().stream()
                .filter(path -> !path.startsWith("/api/v1/drafts")).toList());
        assertThat(contract.documentedPaths()).contains("/api/v1/articles", "/api/v1/articles/{id}",
                "/api/v1/columns", "/api/v1/search", "/api/v1/digests", "/api/v1/digests/{id}", "/api/v1/regions");
    }
}
