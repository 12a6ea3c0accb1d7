package org.shegong.region;

import org.shegong.region.data.Region;

/**
 * A region as readers see it: its label (辽宁, 沈阳, 浑南区), its full path (辽宁省沈阳市浑南区) and whether it has
 * a page of its own (provinces, cities and counties do; 全国 and the macro-regions do not).
 */
public record Place(String code, String label, String path, boolean hasPage) {

    static Place of(Region region, String path) {
        return new Place(region.code(), region.label(), path, region.isAdministrative());
    }
}
