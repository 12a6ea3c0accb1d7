package org.shegong.editorial.workflow;

/** Where the newest revision of an article stands. Whether the article is on the public site is kept apart. */
public enum WorkflowState {
    DRAFT("草稿"), IN_REVIEW("审核中"), REJECTED("已退回"), APPROVED("待发布"), SCHEDULED("定时发布"), LIVE("已发布"),
    WITHDRAWN("已撤稿");

    private final String label;

    WorkflowState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
