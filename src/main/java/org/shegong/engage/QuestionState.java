package org.shegong.engage;

/** Where a reader's question stands: every question waits for a moderator before anyone else sees it. */
public enum QuestionState {
    PENDING("待审核"), PUBLISHED("已公开答复"), REJECTED("不予公开");

    private final String label;

    QuestionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
