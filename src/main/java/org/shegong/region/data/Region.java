package org.shegong.region.data;

/**
 * One place. {@code code} is the six-digit GB/T 2260 code for administrative divisions (210112 浑南区), 000000 for
 * 全国 and a word for a macro-region (dongbei). {@code parentCode} is null for 全国, the macro-regions and the
 * provinces; a county of a municipality (北京市朝阳区) or directly under its province (仙桃市) has the province
 * as its parent.
 */
public record Region(String code, String name, String shortName, RegionLevel level, String parentCode) {

    public static final String NATION = "000000";

    /** The name readers know best: 辽宁, 沈阳, but 浑南区 (a county's short form is ambiguous on its own). */
    public String label() {
        return level == RegionLevel.COUNTY || shortName == null ? name : shortName;
    }

    public boolean isAdministrative() {
        return level == RegionLevel.PROVINCE || level == RegionLevel.CITY || level == RegionLevel.COUNTY;
    }
}
