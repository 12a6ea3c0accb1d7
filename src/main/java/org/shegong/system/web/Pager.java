package org.shegong.system.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Numbered pagination links: 首页, 上一页, a window of page numbers, 下一页, 末页. */
public record Pager(int page, int pages, List<Integer> window, IntFunction<String> urls) {

    private static final int RADIUS = 4;

    /** A column's pages. */
    public static Pager of(String slug, int page, int pages) {
        return of(n -> SiteUrls.columnPage(slug, n), page, pages);
    }

    /** Pages whose addresses {@code urls} gives (from {@link SiteUrls}), by page number. */
    public static Pager of(IntFunction<String> urls, int page, int pages) {
        int from = Math.max(1, page - RADIUS);
        int to = Math.min(pages, page + RADIUS);
        List<Integer> window = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            window.add(i);
        }
        return new Pager(page, pages, window, urls);
    }

    public String url(int target) {
        return urls.apply(target);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
