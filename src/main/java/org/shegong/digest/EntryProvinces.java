package org.shegong.digest;

import java.util.Collection;
import java.util.Map;

/** The province each digest entry is about, for sections grouped by province (全国 when it is about none). */
public interface EntryProvinces {

    EntryProvinces NONE = ids -> Map.of();

    /** Per article: its primary region's province; absent means 全国. */
    Map<Long, Province> of(Collection<Long> articleIds);

    /** A province by code (000000 for 全国) and name; groups are listed in code order, 全国 first. */
    record Province(String code, String name) {

        public static final Province NATION = new Province("000000", "全国");
    }
}
