package org.shegong.region;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.shegong.content.Article;
import org.shegong.region.data.RegionDirectory;
import org.shegong.region.tagging.RegionTags;

/**
 * One batch of a full re-tag ({@link RegionTagging#retagAll}) with a few statements for the whole batch instead of
 * five to nine an article: the batch's stored tags and listing rows are read at once, compared in memory, and only
 * the articles whose rows change are deleted and inserted again, in multi-row inserts. Same outcome as tagging the
 * articles one by one: a person's choice is kept, rows that are already right are not written.
 */
final class BatchRetag {

    private final ArticleRegionRepository tags;
    private final RegionDirectory directory;
    private final Function<Article, RegionTags> machine;

    BatchRetag(ArticleRegionRepository tags, RegionDirectory directory, Function<Article, RegionTags> machine) {
        this.tags = tags;
        this.directory = directory;
        this.machine = machine;
    }

    /** Tags and lists the batch (in the caller's transaction). */
    void apply(List<Article> batch) {
        List<Long> ids = batch.stream().map(Article::id).toList();
        Map<Long, List<ArticleRegionRepository.TagRow>> stored = tags.storedTags(ids);
        Map<Long, Map<String, Instant>> listed = tags.listingsOf(ids);
        Map<Long, List<ArticleRegionRepository.TagRow>> retag = new LinkedHashMap<>();
        Map<Long, Listing> relist = new LinkedHashMap<>();
        for (Article article : batch) {
            List<ArticleRegionRepository.TagRow> now = stored.getOrDefault(article.id(), List.of());
            if (now.stream().noneMatch(row -> row.source() == ArticleRegion.Source.PERSON)) {
                RegionTags found = machine.apply(article);
                List<ArticleRegionRepository.TagRow> wanted = ArticleRegionRepository.rowsOf(found.primary(),
                        found.others(), ArticleRegion.Source.MACHINE);
                if (!ArticleRegionRepository.sameTags(now, wanted)) {
                    retag.put(article.id(), wanted);
                    now = wanted;
                }
            }
            Instant at = article.isLive() ? ArticleRegionRepository.asStored(article.publishedAt()) : null;
            Set<String> codes = at == null ? Set.of() : listedCodes(now);
            Map<String, Instant> before = listed.getOrDefault(article.id(), Map.of());
            if (!ArticleRegionRepository.sameListing(before, at, codes)) {
                relist.put(article.id(), new Listing(at, codes));
            }
        }
        tags.replaceAll(retag);
        tags.relistAll(relist);
    }

    /** Every tagged region with the regions above it, as the one-by-one path lists them (unknown codes skipped). */
    private Set<String> listedCodes(List<ArticleRegionRepository.TagRow> rows) {
        Set<String> codes = new LinkedHashSet<>();
        rows.stream().sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
                .forEach(row -> directory.chain(row.code()).forEach(region -> codes.add(region.code())));
        return codes;
    }

    /** An article's listing rows to be: under these codes at this time, or none (null time). */
    record Listing(Instant at, Set<String> codes) {
    }
}
