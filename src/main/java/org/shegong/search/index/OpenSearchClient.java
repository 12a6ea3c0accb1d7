package org.shegong.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.http.HttpHost;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.http.util.EntityUtils;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;
import org.shegong.system.web.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over OpenSearch's REST API with its low-level client (ADR 0057). Requests are built by the search code
 * as maps (the query DSL mirrors the Lucene queries one for one), so the typed client would add nothing but a
 * second model of the same JSON.
 */
public final class OpenSearchClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(OpenSearchClient.class);
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);

    private final RestClient rest;

    /** {@code url}: the cluster's address, e.g. {@code http://127.0.0.1:9200}. */
    public OpenSearchClient(String url) {
        this(url, "", "");
    }

    /**
     * A cluster with the security plugin on wants a user: {@code username} and {@code password} (HTTP Basic, so over
     * https), or {@code https://user:password@host:9200}; empty for none.
     */
    public OpenSearchClient(String url, String username, String password) {
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (uri.getHost() == null || !(("http".equals(uri.getScheme())) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("shegong.search.opensearch.url 须为 http(s)://主机:端口，现为 "
                    + uri.getScheme() + "://" + uri.getHost());
        }
        String user = username == null ? "" : username;
        String secret = password == null ? "" : password;
        if (user.isEmpty() && uri.getUserInfo() != null) {
            int colon = uri.getUserInfo().indexOf(':');
            user = colon < 0 ? uri.getUserInfo() : uri.getUserInfo().substring(0, colon);
            secret = colon < 0 ? "" : uri.getUserInfo().substring(colon + 1);
        }
        var builder = RestClient.builder(new HttpHost(uri.getHost(), uri.getPort() < 0 ? 9200 : uri.getPort(),
                        uri.getScheme()))
                .setRequestConfigCallback(config -> config.setConnectTimeout(5_000).setSocketTimeout(60_000));
        if (!user.isEmpty()) {
            String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8));
            builder.setDefaultHeaders(new org.apache.http.Header[] {
                    new org.apache.http.message.BasicHeader("Authorization", "Basic " + basic)});
        }
        this.rest = builder.build();
    }

    /**
     * The cluster cannot be reached or is overloaded or failing (a 5xx or 429): the reader sees the site's 503 page,
     * the outbox consumer tries the batch again later.
     */
    public static final class Unavailable extends Refusal {

        Unavailable(Throwable cause) {
            super(Kind.UNAVAILABLE, "搜索服务暂时不可用，请稍后再试");
            initCause(cause);
        }
    }

    /** An error answer from the cluster: its HTTP status and body. */
    public static final class Failure extends RuntimeException {

        private final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Sends {@code body} (a map or list turned into JSON, or null) and returns the answer's JSON. */
    public JsonNode send(String method, String path, Object body) {
        Request request = new Request(method, path);
        if (body != null) {
            request.setEntity(new NStringEntity(JSON.writeValueAsString(body), ContentType.APPLICATION_JSON));
        }
        return perform(request);
    }

    /** A {@code _bulk} request of newline-delimited JSON lines; fails when any item failed. */
    public JsonNode bulk(String path, Iterable<Object> lines) {
        StringBuilder body = new StringBuilder();
        for (Object line : lines) {
            body.append(JSON.writeValueAsString(line)).append('\n');
        }
        Request request = new Request("POST", path);
        request.setEntity(new NStringEntity(body.toString(), NDJSON));
        JsonNode answer = perform(request);
        if (answer.path("errors").asBoolean(false)) {
            for (JsonNode item : answer.path("items")) {
                JsonNode result = item.iterator().next();
                if (result.has("error") && result.path("status").asInt() != 404) {
                    throw new Failure(result.path("status").asInt(), "bulk: " + result.path("error"));
                }
            }
        }
        return answer;
    }

    /** Whether the path exists (HEAD answers 200). */
    public boolean exists(String path) {
        try {
            return rest.performRequest(new Request("HEAD", path)).getStatusLine().getStatusCode() == 200;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return false;
            }
            throw failure(e.getResponse().getStatusLine().getStatusCode(), e.getMessage());
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private JsonNode perform(Request request) {
        try {
            Response response = rest.performRequest(request);
            String text = response.getEntity() == null ? "{}" : EntityUtils.toString(response.getEntity(),
                    StandardCharsets.UTF_8);
            return JSON.readTree(text);
        } catch (ResponseException e) {
            String body;
            try {
                body = EntityUtils.toString(e.getResponse().getEntity(), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException unreadable) {
                body = e.getMessage();
            }
            throw failure(e.getResponse().getStatusLine().getStatusCode(),
                    request.getMethod() + " " + request.getEndpoint() + ": " + body);
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private static RuntimeException failure(int status, String message) {
        Failure failure = new Failure(status, message);
        return status >= 500 || status == 429 ? unavailable(failure) : failure;
    }

    private static Unavailable unavailable(Exception cause) {
        log.warn("OpenSearch unavailable: {}", cause.toString());
        return new Unavailable(cause);
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
