package org.shegong.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.shegong.account.Role;
import org.shegong.editorial.workflow.ApproveAction;
import org.shegong.editorial.workflow.EditorialException;
import org.shegong.editorial.workflow.WorkflowRepository;
import org.shegong.editorial.workflow.WorkflowState;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The drafts endpoints over real HTTP: the whole path (create, read, update with its base revision, submit) through
 * the back office's actions, scope, someone else's draft (IDOR), idempotency keys (retries, concurrent retries, a
 * reused key) and bad bodies. Every answer is checked against the published description; every drafts path is used.
 */
class WriteApiTest extends WriteApiTestBase {

    @Autowired WorkflowRepository workflows;
    @Autowired ApproveAction approve;

    @Test
    void aDraftIsCreatedReadUpdatedAndSubmittedLikeInTheBackOffice() {
        long owner = person("李主编", false, Role.CHIEF_EDITOR, news);
        String token = token(owner, Role.CHIEF_EDITOR, news);
        HttpResponse<String> posted = json("POST", "/api/v1/drafts", token, draft("浑南区社工站开放日", "news"));
        long id = created(posted);
        assertThat(posted.headers().firstValue("Location")).hasValue("/api/v1/drafts/" + id);
        assertThat(posted.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode draft = expect(json("GET", "/api/v1/drafts/" + id, token, null), 200);
        assertThat(draft.path("state").asString()).isEqualTo("draft");
        assertThat(draft.path("latest_revision").asInt()).isEqualTo(1);
        assertThat(draft.path("columns").get(0).asString()).isEqualTo("news");
        assertThat(draft.path("body_html").asString()).contains("浑南区社工站开放日的正文").doesNotContain("script");

        String update = "{\"base_revision\":1,\"title\":\"浑南区社工站开放日（更新）\",\"body_html\":\"<p>新正文</p>\","
                + "\"columns\":[\"news\"],\"note\":\"补充\"}";
        JsonNode saved = expect(json("PUT", "/api/v1/drafts/" + id, token, update), 200);
        assertThat(saved.path("latest_revision").asInt()).isEqualTo(2);
        assertThat(saved.path("title").asString()).isEqualTo("浑南区社工站开放日（更新）");
        JsonNode stale = expect(json("PUT", "/api/v1/drafts/" + id, token, update), 409);
        assertThat(stale.path("code").asString()).isEqualTo("edit-conflict");
        expect(json("PUT", "/api/v1/drafts/" + id, token, update.replace("\"base_revision\":1,", "")), 400);

        JsonNode submitted = expect(json("POST", "/api/v1/drafts/" + id + "/submit", token, "{\"comment\":\"请审核\"}"), 200);
        assertThat(submitted.path("state").asString()).isEqualTo("in_review");
        assertThat(submitted.path("review_level").asInt()).isEqualTo(1);
        assertThat(workflows.idsInState(WorkflowState.IN_REVIEW, 100)).contains(id);
        // The same person cannot pass their own article, whether through the API or the back office.
        assertThatThrownBy(() -> approve.approve(actors.of(owner, "127.0.0.1"), id, "通过"))
                .isInstanceOf(EditorialException.class).hasMessageContaining("不能审核自己的稿件");
        expect(json("PUT", "/api/v1/drafts/" + id, token, update.replace("\"base_revision\":1", "\"base_revision\":2")), 409);

        List<String> audit = jdbc.sql("SELECT action || ' ' || actor_name FROM audit_log WHERE article_id = ? ORDER BY id")
                .param(id).query(String.class).list();
        assertThat(audit).hasSize(3);
        assertThat(audit.get(0)).startsWith("create 李主编").contains("令牌 sgp_");
        assertThat(audit.get(1)).startsWith("save ");
        assertThat(audit.get(2)).startsWith("submit ");
        assertThat(contract.exercisedPaths()).contains("/api/v1/drafts", "/api/v1/drafts/{id}", "/api/v1/drafts/{id}/submit");
    }

    @Test
    void aTokenActsOnlyWithinItsRoleAndColumnsAndNeverBeyondItsOwner() {
        long owner = person("王编辑", false, Role.EDITOR, news, policy);
        String newsOnly = token(owner, Role.CONTRIBUTOR, news);
        assertThat(expect(json("POST", "/api/v1/drafts", newsOnly, draft("政策栏目稿", "policy")), 403)
                .path("detail").asString()).contains("栏目");
        assertThat(expect(json("POST", "/api/v1/drafts", newsOnly, draft("两栏目稿", "news", "policy")), 403)
                .path("title_en").asString()).isEqualTo("Forbidden");
        assertThat(countTitled("政策栏目稿") + countTitled("两栏目稿")).isZero();

        // As a contributor the token sees only its owner's own drafts, although the owner edits the whole column.
        long other = person("赵投稿", false, Role.CONTRIBUTOR, news);
        long theirs = created(json("POST", "/api/v1/drafts", token(other, Role.CONTRIBUTOR, news), draft("赵的稿", "news")));
        expect(json("GET", "/api/v1/drafts/" + theirs, newsOnly, null), 404);
        String editorToken = token(owner, Role.EDITOR, news);
        expect(json("GET", "/api/v1/drafts/" + theirs, editorToken, null), 200);
        String policyEditor = token(owner, Role.EDITOR, policy);
        expect(json("GET", "/api/v1/drafts/" + theirs, policyEditor, null), 404);

        // Grants are read at each use: once the owner loses the column, so does the token.
        accounts.replaceGrants(owner, List.of(new org.shegong.account.ColumnGrant(policy, Role.EDITOR)));
        expect(json("POST", "/api/v1/drafts", newsOnly, draft("收回后", "news")), 403);
        expect(json("GET", "/api/v1/drafts/" + theirs, editorToken, null), 403);
        assertThat(countTitled("收回后")).isZero();
    }

    @Test
    void someoneElsesDraftIsNotFoundForEveryEndpoint() throws Exception {
        long a = person("甲", false, Role.CONTRIBUTOR, news);
        long b = person("乙", false, Role.CONTRIBUTOR, news);
        String tokenA = token(a, Role.CONTRIBUTOR, news);
        long bs = created(json("POST", "/api/v1/drafts", token(b, Role.CONTRIBUTOR, news), draft("乙的草稿", "news")));
        String update = "{\"base_revision\":1,\"title\":\"甲改乙\",\"columns\":[\"news\"]}";
        List<HttpResponse<String>> answers = List.of(json("GET", "/api/v1/drafts/" + bs, tokenA, null),
                json("PUT", "/api/v1/drafts/" + bs, tokenA, update),
                json("POST", "/api/v1/drafts/" + bs + "/submit", tokenA, null),
                call("POST", "/api/v1/drafts/" + bs + "/media", tokenA, MultipartBody.TYPE,
                        MultipartBody.file("a.png", "image/png", ApiFixture.png(40, 30))));
        String missing = expect(json("GET", "/api/v1/drafts/987654321", tokenA, null), 404).path("detail").asString();
        for (HttpResponse<String> answer : answers) {
            assertThat(expect(answer, 404).path("detail").asString()).isEqualTo(missing);
        }
        assertThat(workflows.find(bs).orElseThrow().latestRevision()).isEqualTo(1);
        assertThat(workflows.find(bs).orElseThrow().state()).isEqualTo(WorkflowState.DRAFT);
        assertThat(countTitled("甲改乙")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media_file WHERE uploaded_by = ?").param(a).query(Integer.class)
                .single()).as("no file stored for a refused attach").isZero();
        // Every documented write path was just used (the read paths are ApiContractTest's).
        List<String> documented = contract.documentedPaths().stream().filter(p -> p.startsWith("/api/v1/drafts")).toList();
        assertThat(documented).containsExactlyInAnyOrder("/api/v1/drafts", "/api/v1/drafts/{id}",
                "/api/v1/drafts/{id}/media", "/api/v1/drafts/{id}/submit");
        assertThat(contract.exercisedPaths()).containsAll(documented);
    }

    @Test
    void aRetriedPostWithTheSameKeyCreatesOneDraft() throws Exception {
        long owner = person("钱", false, Role.CONTRIBUTOR, news);
        String token = token(owner, Role.CONTRIBUTOR, news);
        HttpResponse<String> first = json("POST", "/api/v1/drafts", token, draft("重试稿", "news"), "Idempotency-Key", "k-1");
        HttpResponse<String> again = json("POST", "/api/v1/drafts", token, draft("重试稿", "news"), "Idempotency-Key", "k-1");
        assertThat(created(again)).isEqualTo(created(first));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(countTitled("重试稿")).isEqualTo(1);
        JsonNode reused = expect(json("POST", "/api/v1/drafts", token, draft("另一篇", "news"), "Idempotency-Key", "k-1"), 422);
        assertThat(reused.path("code").asString()).isEqualTo("idempotency-key-reused");
        // Another token's key space is its own.
        created(json("POST", "/api/v1/drafts", token(owner, Role.CONTRIBUTOR, news), draft("重试稿", "news"),
                "Idempotency-Key", "k-1"));
        assertThat(countTitled("重试稿")).isEqualTo(2);
        // A refused request does not use up its key: corrected and sent again, it runs.
        expect(json("POST", "/api/v1/drafts", token, draft("先错后对", "nope"), "Idempotency-Key", "k-2"), 400);
        expect(json("POST", "/api/v1/drafts", token, "{\"title\":\"x\"}", "Idempotency-Key", "bad key"), 400);
        long id = created(json("POST", "/api/v1/drafts", token, draft("先错后对", "news"), "Idempotency-Key", "k-3"));
        JsonNode submitted = expect(json("POST", "/api/v1/drafts/" + id + "/submit", token, null, "Idempotency-Key", "s-1"), 200);
        assertThat(expect(json("POST", "/api/v1/drafts/" + id + "/submit", token, null, "Idempotency-Key", "s-1"), 200))
                .isEqualTo(submitted);
        expect(json("POST", "/api/v1/drafts/" + id + "/submit", token, null), 409);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneDraft() throws Exception {
        String token = token(person("孙", false, Role.CONTRIBUTOR, news), Role.CONTRIBUTOR, news);
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Callable<HttpResponse<String>> post = () -> {
                start.await();
                return json("POST", "/api/v1/drafts", token, draft("并发重试稿", "news"), "Idempotency-Key", "same");
            };
            answers.add(pool.submit(post));
        }
        start.countDown();
        List<Long> ids = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isIn(201, 409);
            if (response.statusCode() == 201) {
                ids.add(JSON.readTree(response.body()).path("id").asLong());
            }
        }
        pool.shutdown();
        assertThat(countTitled("并发重试稿")).isEqualTo(1);
        assertThat(ids).isNotEmpty().allMatch(id -> id.equals(ids.get(0)));
        assertThat(created(json("POST", "/api/v1/drafts", token, draft("并发重试稿", "news"), "Idempotency-Key", "same")))
                .isEqualTo(ids.get(0));
    }

    @Test
    void badBodiesAreClientErrorsWithProblemDetails() {
        String token = token(person("周", false, Role.CONTRIBUTOR, news), Role.CONTRIBUTOR, news);
        for (String bad : List.of("{", "[]", "{\"title\":\"无栏目\"}", "{\"title\":\"\",\"columns\":[\"news\"]}",
                draft("未知栏目", "nope"), draft("类型", "news").replace("\"columns\"", "\"kind\":\"digest\",\"columns\""),
                draft("标签", "news").replace("[\"社工站\"]", "[\"社工 站\"]"),
                "{\"title\":\"" + "长".repeat(301) + "\",\"columns\":[\"news\"]}")) {
            JsonNode problem = expect(json("POST", "/api/v1/drafts", token, bad), 400);
            assertThat(problem.path("title_en").asString()).isEqualTo("Bad Request");
            assertThat(problem.path("detail").asString()).isNotBlank();
        }
        expect(call("POST", "/api/v1/drafts", token, "text/plain", "标题".getBytes()), 415);
        // Not a documented operation, so sent past the contract check.
        HttpResponse<String> delete = ApiFixture.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + port + "/api/v1/drafts/1")).DELETE().header("Authorization", "Bearer " + token).build());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        expect(json("GET", "/api/v1/drafts/abc", token, null), 400);
        assertThat(countTitled("未知栏目") + countTitled("类型") + countTitled("标签")).isZero();
    }
}
