package org.shegong.region;

import org.shegong.region.data.Region;
/** One region tag of an article and who set it. */
public record ArticleRegion(long articleId, Region region, boolean primary, Source source) {

    public enum Source { MACHINE, PERSON }
}
