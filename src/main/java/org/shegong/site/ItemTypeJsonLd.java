package org.shegong.site;

import java.util.LinkedHashMap;
import java.util.Map;
import org.shegong.content.Article;
import org.shegong.content.KindFields;
import org.shegong.system.Times;

/**
 * The item type's part of an article's schema.org data: its picture, a 公示's end as {@code expires}, a
 * 一图读懂's image with the transcript as its caption, a 政策文件 as the {@code Legislation} it is about, a 视频 as
 * a {@code VideoObject}. Stored addresses are root-relative; here they become absolute with the public address.
 */
final class ItemTypeJsonLd {

    private ItemTypeJsonLd() {
    }

    static void add(Map<String, Object> data, Article article, ItemTypeView type, String baseUrl) {
        KindFields f = article.fields();
        String picture = f.thumbnailSource();
        if (picture != null) {
            data.put("image", baseUrl + picture);
        }
        switch (article.kind()) {
            case NOTICE -> {
                if (f.noticeEnd() != null) {
                    data.put("expires", f.noticeEnd().toString());
                }
            }
            case INFOGRAPHIC -> {
                if (f.imageUrl() != null) {
                    Map<String, Object> image = new LinkedHashMap<>();
                    image.put("@type", "ImageObject");
                    image.put("contentUrl", baseUrl + f.imageUrl());
                    if (f.transcript() != null) {
                        image.put("caption", f.transcript());
                    }
                    data.put("image", image);
                }
            }
            case POLICY -> {
                Map<String, Object> law = new LinkedHashMap<>();
                law.put("@type", "Legislation");
                law.put("name", article.title());
                put(law, "legislationIdentifier", f.docNumber());
                if (f.issuer() != null) {
                    law.put("legislationPassedBy", ArticleJsonLd.typed("Organization", "name", f.issuer()));
                }
                put(law, "legislationDate", f.writtenOn());
                if (f.validity() != null) {
                    law.put("legislationLegalForce", f.validity() == KindFields.Validity.REPEALED
                            ? "https://schema.org/NotInForce" : "https://schema.org/InForce");
                }
                data.put("about", law);
            }
            case VIDEO -> {
                if (f.videoUrl() != null) {
                    Map<String, Object> video = new LinkedHashMap<>();
                    video.put("@type", "VideoObject");
                    video.put("name", article.title());
                    video.put("description", article.listSummary());
                    video.put("contentUrl", baseUrl + f.videoUrl());
                    video.put("encodingFormat", type.videoType());
                    if (f.posterUrl() != null) {
                        video.put("thumbnailUrl", baseUrl + f.posterUrl());
                    }
                    video.put("uploadDate", Times.iso(article.publishedAt()));
                    put(video, "sameAs", f.externalUrl());
                    data.put("video", video);
                }
            }
            default -> {
            }
        }
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }
}
