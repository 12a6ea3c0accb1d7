package org.shegong.region.data;

/** How far down the administrative-division tree a region sits. */
public enum RegionLevel {
    /** 全国. */
    NATION,
    /** A geographical macro-region of provinces (东北, 华北 …); not an administrative division. */
    MACRO,
    /** 省级: province, autonomous region, municipality, special administrative region. */
    PROVINCE,
    /** 地级: prefecture-level city, prefecture, league, autonomous prefecture. */
    CITY,
    /** 县级: district, county, county-level city, banner. */
    COUNTY
}
