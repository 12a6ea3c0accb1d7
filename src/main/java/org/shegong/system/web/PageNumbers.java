package org.shegong.system.web;

/** A page number as a reader typed it into an address (/column/x/page/N, ?page=N): a positive integer or a 400. */
public final class PageNumbers {

    private PageNumbers() {
    }

    public static int parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 9 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadRequestException("页码应是一个正整数");
        }
        int page = Integer.parseInt(raw);
        if (page < 1) {
            throw new BadRequestException("页码应是一个正整数");
        }
        return page;
    }
}
