package org.shegong.search.index;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.shegong.region.ArticleRegion;
import org.shegong.region.RegionTagging;
import org.shegong.region.data.Region;
import org.shegong.region.data.RegionDirectory;
import org.springframework.stereotype.Component;

/**
 * The region codes an article is indexed under, read from its tags in the database when its document is written
 * (so the index stays derived from the database): each tag, every place above it and the macro-regions (东北 …)
 * of its province, so a filter or a query word for a region finds everything under it. The provinces alone go
 * into the facet field.
 */
@Component
public class IndexedRegions {

    private final RegionTagging tagging;
    private final RegionDirectory directory;

    IndexedRegions(RegionTagging tagging, RegionDirectory directory) {
        this.tagging = tagging;
        this.directory = directory;
    }

    public Codes of(long articleId) {
        return codes(tagging.of(articleId).stream().map(ArticleRegion::region).toList(), directory);
    }

    /** The codes for these tags (the search benchmark tags generated articles without a database). */
    public static Codes codes(Collection<Region> tags, RegionDirectory directory) {
        Set<String> all = new LinkedHashSet<>();
        Set<String> provinces = new LinkedHashSet<>();
        for (Region tag : tags) {
            all.add(tag.code());
            for (Region above : directory.chain(tag.code())) {
                all.add(above.code());
            }
            directory.provinceOf(tag.code()).ifPresent(province -> {
                provinces.add(province.code());
                directory.macrosOf(province.code()).forEach(macro -> all.add(macro.code()));
            });
        }
        return new Codes(all, provinces);
    }

    /** Every code to filter and match on, and the provinces to count in facets. */
    public record Codes(Set<String> all, Set<String> provinces) {
    }
}
