package org.shegong.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shegong.content.ArticleListItem;
import org.shegong.content.FeaturedArticles;
import org.shegong.content.PublishedItem;
import org.shegong.content.PublishedRepository;
import org.shegong.media.PublicMedia;
import org.shegong.site.HomeSlots;
import org.springframework.stereotype.Service;

/**
 * What the home page's slots show: the editors' choice, live articles only, in their order. A slot with nothing
 * live falls back, so the home page has no empty block: 头条 to the site's featured (置顶) item and then the
 * newest, 推荐阅读 to the newest items, 图片新闻 to the newest items with a picture (an item's cover, 一图读懂 image or
 * video poster: the same picture its listing line shows) and, while no item has one, to the newest items as a
 * list. An editor's choice without its own picture shows the article's. Uploaded pictures are shown by their
 * 320-pixel copy.
 */
@Service
class HomeSlotsProvider implements HomeSlots {

    private final TopicRepository repository;
    private final PublishedRepository published;
    private final FeaturedArticles featured;
    private final PublicMedia media;

    HomeSlotsProvider(TopicRepository repository, PublishedRepository published, FeaturedArticles featured,
                      PublicMedia media) {
        this.media = media;
        this.repository = repository;
        this.published = published;
        this.featured = featured;
    }

    @Override
    public Content content() {
        List<Item> headlines = chosen(Slot.HEADLINE);
        if (headlines.isEmpty()) {
            headlines = featured.ofSite(1).stream().map(HomeSlotsProvider::item).toList();
        }
        List<PublishedItem> newest = null;
        if (headlines.isEmpty()) {
            newest = published.latest(Slot.RECOMMENDED.capacity());
            headlines = newest.stream().limit(1).map(p -> item(p, null, null)).toList();
        }
        List<Item> photos = chosen(Slot.PHOTO);
        List<Item> recommended = chosen(Slot.RECOMMENDED);
        if (photos.isEmpty() || recommended.isEmpty()) {
            List<PublishedItem> latest = newest != null ? newest : published.latest(Slot.RECOMMENDED.capacity());
            if (photos.isEmpty()) {
                photos = published.latestWithImage(Slot.PHOTO.capacity()).stream()
                        .map(p -> item(p, picture(null, p), null)).toList();
            }
            if (photos.isEmpty()) {
                photos = latest.stream().limit(Slot.PHOTO.capacity()).map(p -> item(p, null, null)).toList();
            }
            if (recommended.isEmpty()) {
                recommended = latest.stream().map(p -> item(p, null, null)).toList();
            }
        }
        return new Content(headlines, photos, recommended);
    }

    private List<Item> chosen(Slot slot) {
        List<SlotEntry> entries = repository.slot(slot);
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<Long, SlotEntry> byArticle = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (SlotEntry entry : entries) {
            byArticle.put(entry.articleId(), entry);
            ids.add(entry.articleId());
        }
        return published.liveInOrder(ids).stream()
                .map(p -> item(p, picture(byArticle.get(p.id()).imageUrl(), p), byArticle.get(p.id()).caption()))
                .toList();
    }

    /** The slot's own picture, else the article's; an uploaded one by its small copy. */
    private String picture(String chosen, PublishedItem article) {
        String url = chosen != null ? chosen : article.listImage();
        return url == null ? null : media.thumbnail(url);
    }

    private static Item item(PublishedItem p, String imageUrl, String caption) {
        return new Item(p.id(), p.title(), p.listSummary(), imageUrl, caption, p.publishedAt());
    }

    private static Item item(ArticleListItem a) {
        return new Item(a.id(), a.title(), a.listSummary(), null, null, a.publishedAt());
    }
}
