package org.shegong.site.region;

import java.util.List;
import java.util.Map;
import org.shegong.content.ListingPage;
import org.shegong.region.Place;
import org.shegong.region.data.Region;
import org.shegong.system.web.Chrome;
import org.shegong.system.web.Pager;

/** The page of one province, city or county: where it lies, the places below it, its items a page at a time. */
public record RegionPageView(Chrome chrome, Region region, List<Region> chain, List<Child> children,
                             ListingPage listing, Pager pager, Map<Long, Place> places, String canonicalUrl) {

    /** A place below the region and how many live items it lists. */
    public record Child(Region region, long count) {
    }

    /** 城市 under a province, 区县 under a city. */
    public String childrenHeading() {
        return region.level() == org.shegong.region.data.RegionLevel.PROVINCE ? "下辖地市" : "下辖区县";
    }
}
