package org.shegong.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.shegong.content.similar.NearDuplicates;
import org.shegong.system.outbox.OutboxEvent;
import org.shegong.system.outbox.OutboxWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and replaces articles, keeping their listing rows and the outbox in the same transaction. */
@Service
public class ArticleService {

    private final ArticleRepository articles;
    private final ArticleSearchRepository search;
    private final ListingRepository listings;
    private final OutboxWriter outbox;
    private final NearDuplicates nearDuplicates;
    private final Clock clock;

    public ArticleService(ArticleRepository articles, ArticleSearchRepository search, ListingRepository listings,
                          OutboxWriter outbox, NearDuplicates nearDuplicates, Clock clock) {
        this.nearDuplicates = nearDuplicates;
        this.articles = articles;
        this.search = search;
        this.listings = listings;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Optional<Article> find(long id) {
        return articles.findById(id);
    }

    /** Streams every live article with its body in batches (for rebuilding derived data such as the index). */
    public void forEachLive(int batch, Consumer<List<Article>> sink) {
        articles.forEachLive(batch, sink);
    }

    /** See {@link ArticleRepository#idsMentioning}. */
    public List<Long> idsMentioning(String text) {
        return articles.idsMentioning(text);
    }

    public long countLive() {
        return articles.countWithStatus(ArticleStatus.LIVE);
    }

    /** Streams every article that is not on the public site (drafts, then withdrawn ones), like {@link #forEachLive}. */
    public void forEachNotLive(int batch, Consumer<List<Article>> sink) {
        articles.forEachWithStatus(ArticleStatus.DRAFT, batch, sink);
        articles.forEachWithStatus(ArticleStatus.WITHDRAWN, batch, sink);
    }

    public long countNotLive() {
        return articles.countWithStatus(ArticleStatus.DRAFT) + articles.countWithStatus(ArticleStatus.WITHDRAWN);
    }

    /**
     * Stores the article under its external id: inserted when new, replaced when its content changed,
     * left alone when identical (so importing a file twice changes nothing).
     */
    @Transactional
    public SaveOutcome save(ArticleInput input, ArticleRepository.Stored existing) {
        String hash = contentHash(input);
        if (existing != null && hash.equals(existing.contentHash())) {
            // Checked before deriving the summary: a re-import of an unchanged file parses no bodies.
            return new SaveOutcome(existing.id(), SaveOutcome.Change.UNCHANGED);
        }
        Instant now = clock.instant();
        long id;
        if (existing == null) {
            id = articles.insert(input, listSummaryOf(input), hash, now);
        } else {
            id = existing.id();
            articles.update(id, input, listSummaryOf(input), hash, now);
        }
        storeRelations(id, input);
        String listed = listings.relist(id, input.status(), input.featured(), input.publishedAt(),
                input.columnIds()).payload();
        outbox.append(existing == null ? OutboxEvent.ARTICLE_IMPORTED : OutboxEvent.ARTICLE_UPDATED, id, listed);
        return new SaveOutcome(id, existing == null ? SaveOutcome.Change.CREATED : SaveOutcome.Change.UPDATED);
    }

    @Transactional
    public SaveOutcome save(ArticleInput input) {
        ArticleRepository.Stored existing = input.externalId() == null ? null
                : articles.findByExternalIds(List.of(input.externalId())).get(input.externalId());
        return save(input, existing);
    }

    /** The back office's list: articles of every status, newest change first, never reading bodies. */
    public List<ArticleRow> search(ArticleFilter filter, int limit) {
        return search.search(filter, limit);
    }

    /** The columns an article is filed in (empty for an unknown id); reads no body. */
    public List<Long> columnIds(long id) {
        return articles.columnIdsOf(id);
    }

    public List<ArticleRow> rows(Collection<Long> ids) {
        return search.byIds(ids);
    }

    /** Stores a new article that is not on the public site yet (an editor's first save). */
    @Transactional
    public long createDraft(ArticleInput input) {
        if (input.status() == ArticleStatus.LIVE) {
            throw new IllegalArgumentException("a new draft cannot be live");
        }
        long id = articles.insert(input, listSummaryOf(input), contentHash(input), clock.instant());
        storeRelations(id, input);
        return id;
    }

    /**
     * Replaces an existing article's content and status, as the workflow does when it publishes a revision or
     * updates a draft; readers, the listing and the outbox all follow in the same transaction.
     */
    @Transactional
    public void replace(long id, ArticleInput input) {
        boolean wasLive = articles.findStatus(id).orElseThrow(() -> new IllegalArgumentException("no article " + id))
                == ArticleStatus.LIVE;
        articles.update(id, input, listSummaryOf(input), contentHash(input), clock.instant());
        storeRelations(id, input);
        String listed = listings.relist(id, input.status(), input.featured(), input.publishedAt(),
                input.columnIds()).payload();
        if (input.status() == ArticleStatus.LIVE) {
            outbox.append(wasLive ? OutboxEvent.ARTICLE_UPDATED : OutboxEvent.ARTICLE_PUBLISHED, id, listed);
        } else if (wasLive) {
            outbox.append(OutboxEvent.ARTICLE_WITHDRAWN, id, listed);
        }
    }

    /** Looks up which of the given external ids exist, for importers working in batches. */
    public Map<String, ArticleRepository.Stored> existing(Collection<String> externalIds) {
        return articles.findByExternalIds(externalIds);
    }

    /**
     * Takes a live article off the public site (撤稿): it leaves every listing, its page answers 404, and an
     * article.withdrawn event tells the caches and the index. False when there is no such article or it was not
     * live. The editorial workflow (issue 3) wraps this with roles and a comment.
     */
    @Transactional
    public boolean withdraw(long id) {
        // The status alone decides: a withdrawn article has no listing rows, whatever its other fields.
        if (articles.findStatus(id).orElse(null) != ArticleStatus.LIVE) {
            return false;
        }
        articles.setStatus(id, ArticleStatus.WITHDRAWN, clock.instant());
        String listed = listings.relist(id, ArticleStatus.WITHDRAWN, false, null, List.of()).payload();
        outbox.append(OutboxEvent.ARTICLE_WITHDRAWN, id, listed);
        return true;
    }

    /** What listings show: the manual summary, else one derived from the body, else the title. */
    static String listSummaryOf(ArticleInput input) {
        return SummaryDeriver.listSummary(input.summary(), () -> BodyHtml.plainText(input.bodyHtml()), input.title());
    }

    /** Stored articles whose text is nearly this input's (see {@link NearDuplicates}), closest first. */
    public List<NearDuplicates.Match> similarTo(ArticleInput input, Long exceptId) {
        return nearDuplicates.similarTo(input.title(), comparedText(input), exceptId);
    }

    /** The text fingerprinted: the body, or the summary of an item that has none (a listing page's item). */
    private static String comparedText(ArticleInput input) {
        return input.bodyHtml() != null ? BodyHtml.plainText(input.bodyHtml()) : input.summary();
    }

    private void storeRelations(long id, ArticleInput input) {
        nearDuplicates.store(id, input.title(), comparedText(input));
        articles.replaceColumns(id, input.columnIds());
        articles.replaceTags(id, input.tags());
    }

    public static String contentHash(ArticleInput in) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object field : new Object[] {in.title(), in.subtitle(), in.summary(), in.bodyHtml(), in.source(),
                    in.author(), in.editor(), in.kind(), in.featured(), in.columnIds(), in.tags(), in.region(),
                    in.publishedAt(), in.status()}) {
                digest.update(String.valueOf(field).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            // Only when present, so articles stored before item-type fields existed keep their hash (a re-import
            // of an unchanged file stays "unchanged").
            if (!in.fields().isEmpty()) {
                digest.update(in.fields().toMap().toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a save did. */
    public record SaveOutcome(long id, Change change) {

        public enum Change { CREATED, UPDATED, UNCHANGED }
    }
}
