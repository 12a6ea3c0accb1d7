package org.shegong.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.shegong.account.Role;
import tools.jackson.databind.JsonNode;

/**
 * Attaching files to a draft through the media feature's checks (a picture re-encoded and shown, a disguised file
 * refused, a file over its kind's limit refused), the per-token rate limit, and that the description documents
 * every write endpoint with the bearer scheme and every documented drafts path is exercised.
 */
class WriteApiMediaTest extends WriteApiTestBase {

    private int files() {
        return jdbc.sql("SELECT COUNT(*) FROM media_file").query(Integer.class).single();
    }

    @Test
    void aPictureIsStoredCheckedAndShownInANewRevision() throws Exception {
        long owner = person("吴", false, Role.CONTRIBUTOR, news);
        String token = token(owner, Role.CONTRIBUTOR, news);
        long id = created(json("POST", "/api/v1/drafts", token, draft("有图的稿", "news")));
        HttpResponse<String> attached = call("POST", "/api/v1/drafts/" + id + "/media", token, MultipartBody.TYPE,
                MultipartBody.file("现场.png", "image/png", ApiFixture.png(1400, 700), "alt", "开放日现场", "base_revision", "1"),
                "Idempotency-Key", "m-1");
        JsonNode answer = expect(attached, 201);
        String url = answer.path("media").path("url").asString();
        assertThat(url).startsWith("/media/");
        assertThat(answer.path("media").path("width").asInt()).isEqualTo(1400);
        assertThat(answer.path("draft").path("latest_revision").asInt()).isEqualTo(2);
        assertThat(answer.path("draft").path("body_html").asString()).contains("<img src=\"" + url + "\"")
                .contains("alt=\"开放日现场\"").doesNotContain("http");
        assertThat(jdbc.sql("SELECT uploaded_by FROM media_file WHERE storage_key = ?").param(url.substring(7))
                .query(Long.class).single()).isEqualTo(owner);
        int stored = files();
        HttpResponse<String> replay = call("POST", "/api/v1/drafts/" + id + "/media", token, MultipartBody.TYPE,
                MultipartBody.file("现场.png", "image/png", ApiFixture.png(1400, 700), "alt", "开放日现场", "base_revision", "1"),
                "Idempotency-Key", "m-1");
        assertThat(expect(replay, 201).path("media").path("url").asString()).isEqualTo(url);
        assertThat(files()).as("a replay stores nothing").isEqualTo(stored);
        // A stale base revision is refused before anything is stored.
        expect(call("POST", "/api/v1/drafts/" + id + "/media", token, MultipartBody.TYPE,
                MultipartBody.file("b.png", "image/png", ApiFixture.png(40, 30), "base_revision", "1")), 409);
        assertThat(files()).isEqualTo(stored);
    }

    @Test
    void disguisedOversizedAndMissingFilesAreRefusedAndLeaveNothing() {
        String token = token(person("郑", false, Role.CONTRIBUTOR, news), Role.CONTRIBUTOR, news);
        long id = created(json("POST", "/api/v1/drafts", token, draft("附件被拒的稿", "news")));
        int before = files();
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        JsonNode disguised = expect(call("POST", "/api/v1/drafts/" + id + "/media", token, MultipartBody.TYPE,
                MultipartBody.file("照片.png", "image/png", html)), 400);
        assertThat(disguised.path("detail").asString()).isNotBlank();
        byte[] pdf = new byte[100 * 1024];
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, pdf, 0, head.length);
        expect(call("POST", "/api/v1/drafts/" + id + "/media", token, MultipartBody.TYPE,
                MultipartBody.file("方案.pdf", "application/pdf", pdf)), 413);
        expect(call("POST", "/api/v1/drafts/" + id + "/media", token, MultipartBody.TYPE,
                MultipartBody.file(null, null, null, "alt", "没有文件")), 400);
        expect(json("POST", "/api/v1/drafts/" + id + "/media", token, "{}"), 415);
        assertThat(files()).isEqualTo(before);
        assertThat(expect(json("GET", "/api/v1/drafts/" + id, token, null), 200).path("latest_revision").asInt())
                .isEqualTo(1);
    }

    @Test
    void eachTokenHasItsOwnRateLimit() {
        long owner = person("冯", false, Role.CONTRIBUTOR, news);
        String busy = token(owner, Role.CONTRIBUTOR, news);
        int limited = 0;
        for (int i = 0; i < 61; i++) {
            HttpResponse<String> answer = json("GET", "/api/v1/drafts/987654321", busy, null);
            if (answer.statusCode() == 429) {
                limited++;
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(limited).isEqualTo(1);
        expect(json("GET", "/api/v1/drafts/987654321", token(owner, Role.CONTRIBUTOR, news), null), 404);
    }

    @Test
    void theDescriptionDocumentsTheWriteApiWithTheBearerScheme() {
        String docs = ApiFixture.get(port, "/v3/api-docs").body();
        JsonNode tree = JSON.readTree(docs);
        assertThat(tree.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");
        for (String path : java.util.List.of("/api/v1/drafts", "/api/v1/drafts/{id}", "/api/v1/drafts/{id}/media",
                "/api/v1/drafts/{id}/submit")) {
            tree.path("paths").path(path).forEach(operation -> {
                assertThat(operation.path("security").toString()).as(path).contains("bearer");
                assertThat(operation.path("responses").has("401")).as(path).isTrue();
            });
        }
        assertThat(tree.path("paths").path("/api/v1/articles").path("get").path("security").isMissingNode()).isTrue();
    }
}
