package org.shegong.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;
import org.shegong.column.ColumnService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Spring's multipart ceiling through the real server (MockMvc does not enforce it): a logged-in editor with a
 * valid token sending more than the ceiling gets a Chinese 413, as JSON for the editor's uploader.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:media-limit;DB_CLOSE_DELAY=-1", "shegong.demo-content=false",
        "shegong.workflow.schedule-initial-delay=1h", "spring.servlet.multipart.max-file-size=1MB",
        "spring.servlet.multipart.max-request-size=1MB"})
class UploadLimitTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ColumnService columns;

    @Test
    void anUploadOverTheServersCeilingIsA413WithAChineseMessage() throws Exception {
        long news = columns.bySlug("news").orElseThrow().id();
        accounts.create("limiteditor", "编辑", "pass-word-12345", false, List.of(new ColumnGrant(news, Role.EDITOR)));
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = token(http.send(HttpRequest.newBuilder(URI.create(base + "/admin/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String form = "username=limiteditor&password=pass-word-12345&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        token = token(http.send(HttpRequest.newBuilder(URI.create(base + "/admin/media")).build(),
                HttpResponse.BodyHandlers.ofString()).body());

        String boundary = "----shegong" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(TestFiles.pdf());
        body.write(new byte[2 * 1024 * 1024]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/media"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json").header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("文件太大");
    }

    private static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }
}
