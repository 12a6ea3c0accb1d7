package org.shegong.region;

import org.shegong.region.data.Region;
import org.shegong.system.Times;
import org.shegong.region.data.RegionDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.shegong.content.Article;
import org.shegong.content.ArticleService;
import org.shegong.region.tagging.ArticleText;
import org.shegong.region.tagging.RegionTagger;
import org.shegong.region.tagging.RegionTags;
import org.shegong.system.outbox.OutboxEvent;
import org.shegong.system.outbox.OutboxWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each article's region tags and region listing rows in step with the article: the machine's tags are
 * replaced on every re-tag, a person's choice is kept until that person (or another editor) clears it.
 */
@Service
public class RegionTagging {

    private static final int BATCH = 500;
    /** Batches of a full re-tag after which the planner's statistics are refreshed: 10,000 articles, every 100,000. */
    private static final int STATISTICS_FIRST = 20;
    private static final int STATISTICS_EVERY = 200;
    private static final int MAX_PAYLOAD = 2_000; // outbox_event.payload is VARCHAR(2000)

    private final RegionTagger tagger;
    private final RegionDirectory directory;
    private final ArticleRegionRepository tags;
    private final ArticleService articles;
    private final TransactionTemplate transactions;
    private final RegionListing listing;
    private final OutboxWriter outbox;
    /**
     * One full re-tag at a time on this node. Two at once (the follower's after a bulk import and the command's or a
     * test's) walk the same articles in step, so their batches kept meeting each other's uncommitted rows and a
     * batch could fail three retries in a row (RegionPagesTest in CI, stop 33). The second waits and then finds the
     * rows already right, which costs reads, not writes.
     */
    private final ReentrantLock fullRetag = new ReentrantLock();

    RegionTagging(RegionTagger tagger, RegionDirectory directory, ArticleRegionRepository tags, ArticleService articles,
                  PlatformTransactionManager transactions, RegionListing listing, OutboxWriter outbox) {
        this.listing = listing;
        this.outbox = outbox;
        this.tagger = tagger;
        this.directory = directory;
        this.tags = tags;
        this.articles = articles;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** What the machine would tag this text with (the editor shows it before the first save). */
    public RegionTags suggest(String title, String summary, String bodyHtml) {
        return tagger.tag(title, summary, ArticleText.plain(bodyHtml, RegionTagger.BODY_LIMIT));
    }

    public List<ArticleRegion> of(long articleId) {
        return tags.of(articleId);
    }

    /** The article's regions for its page, primary first: 辽宁省沈阳市浑南区、辽宁省大连市; empty when untagged. */
    public String describe(long articleId) {
        return String.join("、", places(articleId).stream().map(Place::path).toList());
    }

    /** The article's regions for its page, primary first, each with its full path; empty when untagged. */
    public List<Place> places(long articleId) {
        return places(tags.of(articleId));
    }

    /** The same, for tags already read with {@link #of(long)}. */
    public List<Place> places(List<ArticleRegion> articleTags) {
        return articleTags.stream().map(t -> Place.of(t.region(), directory.path(t.region().code()))).toList();
    }

    /** The primary region of each article that has one, for listings (a word beside the date). */
    public Map<Long, Place> primaries(Collection<Long> articleIds) {
        Map<Long, Place> primaries = new java.util.HashMap<>();
        tags.of(articleIds).forEach((id, list) -> list.stream().filter(ArticleRegion::primary).findFirst()
                .ifPresent(t -> primaries.put(id, Place.of(t.region(), directory.path(t.region().code())))));
        return primaries;
    }

    public Map<Long, List<ArticleRegion>> of(Collection<Long> articleIds) {
        return tags.of(articleIds);
    }

    /** Re-reads an article after an outbox event: tags it unless a person chose its regions, and relists it. */
    @Transactional
    public void follow(long articleId) {
        articles.find(articleId).ifPresentOrElse(article -> tag(article, true),
                () -> changed(articleId, false, tags.relist(articleId, null, List.of()), true));
    }

    /** Tags the article unless a person chose its regions, and relists it; returns whether anything changed. */
    private boolean tag(Article article, boolean announce) {
        boolean retagged = false;
        if (!tags.chosenByPerson(article.id())) {
            RegionTags found = suggest(article.title(), article.summary(), article.bodyHtml());
            retagged = tags.replace(article.id(), found.primary(), found.others(), ArticleRegion.Source.MACHINE);
        }
        return relist(article, retagged, announce);
    }

    private boolean relist(Article article, boolean retagged, boolean announce) {
        Set<String> codes = new LinkedHashSet<>();
        for (ArticleRegion tag : tags.of(article.id())) {
            directory.chain(tag.region().code()).forEach(r -> codes.add(r.code()));
        }
        Set<String> relisted = tags.relist(article.id(), article.isLive() ? article.publishedAt() : null, codes);
        return changed(article.id(), retagged, relisted, announce);
    }

    /**
     * After a change to an article's tags or listing rows: this node's anchors of the regions whose listing changed
     * are dropped once the transaction commits, and (when asked) an outbox event in the same transaction makes every
     * node's region pages, page cache and search index follow (ADR 0056). Returns whether anything changed.
     */
    private boolean changed(long articleId, boolean retagged, Set<String> relisted, boolean announce) {
        if (!retagged && relisted.isEmpty()) {
            return false;
        }
        listing.forgetAfterCommit(relisted);
        if (announce) {
            String codes = String.join(",", relisted);
            outbox.append(OutboxEvent.REGIONS_CHANGED, articleId, codes.length() <= MAX_PAYLOAD ? codes : null);
        }
        return true;
    }

    /** An editor's choice: replaces the machine's tags and survives every re-tag. */
    @Transactional
    public void choose(long articleId, Region primary, List<Region> others) {
        boolean retagged = tags.replace(articleId, primary, others, ArticleRegion.Source.PERSON);
        articles.find(articleId).ifPresentOrElse(article -> relist(article, retagged, true),
                () -> changed(articleId, retagged, Set.of(), true));
    }

    /** Gives an article back to the machine: the person's choice goes and the tagger decides again. */
    @Transactional
    public void release(long articleId) {
        boolean released = tags.replace(articleId, directory.require(Region.NATION), List.of(),
                ArticleRegion.Source.MACHINE);
        boolean announced = articles.find(articleId).map(article -> tag(article, true)).orElse(false);
        if (released && !announced) {
            changed(articleId, true, Set.of(), true);
        }
    }

    public long countArticles() {
        return articles.countLive() + articles.countNotLive();
    }

    /**
     * Re-tags every article (live first), one transaction per batch; reports the running count. One outbox event
     * at the end (aggregate 0) tells every node that any article's regions may have changed. Waits while another full
     * re-tag runs on this node.
     */
    public long retagAll(LongConsumer progress) {
        fullRetag.lock();
        try {
            return retagAllAlone(progress);
        } finally {
            fullRetag.unlock();
        }
    }

    private long retagAllAlone(LongConsumer progress) {
        long[] done = {0, 0}; // articles, batches
        BatchRetag retag = new BatchRetag(tags, directory, article -> suggest(article.title(), article.summary(),
                article.bodyHtml()));
        var sink = (java.util.function.Consumer<List<Article>>) batch -> {
            long batches = ++done[1];
            if (batches == STATISTICS_FIRST || batches % STATISTICS_EVERY == 0) {
                tags.refreshStatistics(); // the tables grow from nothing on a first re-tag
            }
            TagConflicts.retry(() -> transactions.executeWithoutResult(status -> retag.apply(batch)));
            listing.forgetAll();
            done[0] += batch.size();
            progress.accept(done[0]);
        };
        articles.forEachLive(BATCH, sink);
        articles.forEachNotLive(BATCH, sink);
        transactions.executeWithoutResult(status -> outbox.append(OutboxEvent.REGIONS_CHANGED, 0, null));
        return done[0];
    }

    /**
     * Articles of any status tagged with the region or a place under it (a macro-region: its provinces), newest
     * first, at most {@code limit}: the back office's region filter, which also sees drafts (region_listing
     * holds live articles only).
     */
    public List<Long> articlesUnder(String code, int limit) {
        Set<String> codes = new LinkedHashSet<>();
        java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>(List.of(code));
        while (!open.isEmpty()) {
            String at = open.pop();
            if (codes.add(at)) {
                directory.children(at).forEach(child -> open.push(child.code()));
            }
        }
        return tags.taggedWithAny(codes, limit);
    }

    /** The newest live article ids under a region (with everything below it). */
    public List<Long> newest(String regionCode, int limit) {
        return new ArrayList<>(tags.newest(regionCode, limit));
    }

    /** Live article ids under a region (with everything below it) after a position (null: the newest). */
    public List<Listed> listedAfter(String regionCode, java.time.Instant at, long id, int limit) {
        return tags.listedAfter(regionCode, at, id, limit);
    }

    /** One row of a region's listing: when the article was published and which it is. */
    public record Listed(java.time.Instant publishedAt, long articleId) {
        static Listed of(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
            return new Listed(Times.fromDb(rs.getObject(1, java.time.LocalDateTime.class)), rs.getLong(2));
        }
    }
}
