package org.shegong.site;

import java.util.List;
import org.shegong.content.PopularArticles.Popular;

/** A 热门排行 block: the most read of the last 7 and 30 days, site-wide or in one column. */
public record PopularBlock(String heading, List<Popular> week, List<Popular> month) {

    static final int SHOWN = 10;

    public boolean isEmpty() {
        return week.isEmpty() && month.isEmpty();
    }
}
