package org.shegong.content;

import java.time.LocalDate;

/** Where a 公示 stands on a given day: the badge listings and its page show. */
public enum NoticeState {
    UPCOMING("未开始"), OPEN("公示中"), ENDED("已结束");

    private final String label;

    NoticeState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Null without a period; both ends are whole days, the end day included. */
    public static NoticeState of(LocalDate start, LocalDate end, LocalDate today) {
        if (start == null && end == null) {
            return null;
        }
        if (start != null && today.isBefore(start)) {
            return UPCOMING;
        }
        if (end != null && today.isAfter(end)) {
            return ENDED;
        }
        return OPEN;
    }
}
