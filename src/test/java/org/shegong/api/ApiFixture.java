package org.shegong.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.shegong.account.AccountService;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.digest.Digest;
import org.shegong.digest.DigestService;
import org.shegong.digest.DigestWindow;
import org.shegong.media.MediaFile;
import org.shegong.media.MediaService;
import org.shegong.media.MediaUrls;

/** Real data for the API tests (an article with a picture and a tag, a published digest) and a plain HTTP client. */
final class ApiFixture {

    static final String TAG = "开放数据测试";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiFixture() {
    }

    /** A live article in 行业动态 whose body shows an uploaded picture; returns its id. */
    static long articleWithPicture(AccountService accounts, MediaService media, ArticleService articles,
                                   ColumnService columns) throws IOException {
        long uploader = accounts.create("api-uploader", "上传者", "pass-word-12345", true, List.of());
        MediaFile picture = media.upload(uploader, "辽宁社工站.png", new ByteArrayInputStream(png(1400, 700)));
        long news = columns.bySlug("news").orElseThrow().id();
        return articles.save(ArticleInput.builder("辽宁省沈阳市浑南区社工站开放日", List.of(news))
                .externalId("api-fixture-1")
                .summary("沈阳市浑南区社工站举办开放日。")
                .bodyHtml("<p>沈阳市浑南区社工站举办开放日活动。</p><p><img src=\"" + MediaUrls.of(picture)
                        + "\" alt=\"开放日\"></p><p><a href=\"" + MediaUrls.of(picture) + "\">下载原图</a></p>")
                .source("沈阳市民政局").tags(List.of(TAG, "社工站"))
                .publishedAt(Instant.parse("2021-08-25T02:00:00Z")).status(ArticleStatus.LIVE).build()).id();
    }

    /** A digest published the only way there is: through the editorial workflow. */
    static Digest publishedDigest(org.springframework.context.ApplicationContext context) {
        Digest digest = context.getBean(DigestService.class)
                .generate(new DigestWindow(LocalDate.of(2021, 8, 16), LocalDate.of(2021, 8, 22))).digest();
        return digest.isDraft() ? org.shegong.digest.DigestPublishing.publish(context, digest.id()) : digest;
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x += 7) {
            for (int y = 0; y < height; y += 5) {
                image.setRGB(x, y, (x * 31 + y * 17) & 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static HttpResponse<String> get(int port, String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
