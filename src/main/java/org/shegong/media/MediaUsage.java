package org.shegong.media;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shegong.content.Article;
import org.shegong.content.ArticleService;
import org.shegong.system.outbox.OutboxConsumer;
import org.shegong.system.outbox.OutboxEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps "where used" (media_use) from the outbox: after each published, edited, imported or withdrawn article it
 * records which stored files the body refers to. A withdrawn article keeps its uses (it may be published again),
 * so its files cannot be deleted from under it. Drafts that were never published emit no event and so do not
 * count here; {@link MediaHolders} keep their files before a delete. A bulk import sends one event for all its
 * articles, so then every article that names a stored file is re-read (the database finds them in one scan).
 */
@Component
class MediaUsage implements OutboxConsumer {

    private static final Pattern REFERENCE = Pattern.compile(
            "/media/([0-9a-f]{2}/[0-9a-f]{32})(?:-w[0-9]{2,5})?\\.([a-z0-9]{2,5})");

    private final ArticleService articles;
    private final MediaRepository repository;
    private final TransactionTemplate transactions;

    MediaUsage(ArticleService articles, MediaRepository repository, TransactionTemplate transactions) {
        this.articles = articles;
        this.repository = repository;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "media-usage";
    }

    @Override
    public Scope scope() {
        return Scope.ONE_NODE; // writes media_use rows: once for all nodes
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        for (OutboxEvent event : events) {
            if (event.type().startsWith("article.")) {
                articles.find(event.aggregateId()).ifPresent(this::record);
            }
        }
        if (events.stream().anyMatch(OutboxEvent::isBulkImport)) {
            articles.idsMentioning("/media/").forEach(id -> articles.find(id).ifPresent(this::record));
        }
    }

    void record(Article article) {
        // The item-type fields (cover, 一图读懂 image, policy attachment, video and poster) refer to files too.
        Set<String> keys = referencedKeys(article.bodyHtml() + " " + String.join(" ", article.fields().toMap().values()));
        List<Long> ids = repository.byKeys(keys).stream().map(MediaFile::id).toList();
        transactions.executeWithoutResult(s -> repository.replaceUses(article.id(), ids));
    }

    static Set<String> referencedKeys(String html) {
        Set<String> keys = new LinkedHashSet<>();
        if (html == null) {
            return keys;
        }
        Matcher m = REFERENCE.matcher(html);
        while (m.find()) {
            keys.add(m.group(1) + "." + m.group(2));
        }
        return keys;
    }
}
