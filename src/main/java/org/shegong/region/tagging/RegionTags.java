package org.shegong.region.tagging;

import java.util.List;
import org.shegong.region.data.Region;

/** What an article is about: one primary region (全国 for a national item) and the other places it names. */
public record RegionTags(Region primary, List<Region> others) {

    public RegionTags {
        others = List.copyOf(others);
    }
}
