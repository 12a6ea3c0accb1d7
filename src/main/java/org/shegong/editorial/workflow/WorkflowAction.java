package org.shegong.editorial.workflow;

import java.util.EnumSet;
import java.util.Set;

/**
 * The editorial actions and the states each may start from: the whole state machine in one place. Withdraw
 * and expire depend on whether the article is on the public site, not on its workflow state, because a live
 * article may have a newer revision in review.
 */
public enum WorkflowAction {
    EDIT("保存", EnumSet.of(WorkflowState.DRAFT, WorkflowState.REJECTED, WorkflowState.LIVE, WorkflowState.WITHDRAWN)),
    SUBMIT("提交审核", EnumSet.of(WorkflowState.DRAFT, WorkflowState.REJECTED, WorkflowState.WITHDRAWN)),
    /** A reviewer's correction of the text during review: a new revision, the review stays at its level. */
    REVISE("审核中修改", EnumSet.of(WorkflowState.IN_REVIEW)),
    APPROVE("审核通过", EnumSet.of(WorkflowState.IN_REVIEW)),
    /** The last level passed and the article published, in one step and one transaction. */
    APPROVE_AND_PUBLISH("通过并发布", EnumSet.of(WorkflowState.IN_REVIEW)),
    REJECT("退回", EnumSet.of(WorkflowState.IN_REVIEW, WorkflowState.APPROVED)),
    PUBLISH("发布", EnumSet.of(WorkflowState.APPROVED, WorkflowState.SCHEDULED)),
    SCHEDULE("定时发布", EnumSet.of(WorkflowState.APPROVED)),
    UNSCHEDULE("取消定时", EnumSet.of(WorkflowState.SCHEDULED)),
    WITHDRAW("撤稿", EnumSet.allOf(WorkflowState.class)),
    EXPIRE("到期下线", EnumSet.allOf(WorkflowState.class));

    private final String label;
    private final Set<WorkflowState> from;

    WorkflowAction(String label, Set<WorkflowState> from) {
        this.label = label;
        this.from = from;
    }

    public String label() {
        return label;
    }

    /** True when this action may start from the given state of an article that is (or is not) live. */
    public boolean allowedFrom(WorkflowState state, boolean live) {
        if (this == WITHDRAW || this == EXPIRE) {
            return live;
        }
        return from.contains(state);
    }

    /** The Chinese reason an action is refused in a state. */
    public String refusal(WorkflowState state, boolean live) {
        if (this == WITHDRAW || this == EXPIRE) {
            return "稿件不在网站上，无法" + label;
        }
        return "稿件当前状态为“" + state.label() + "”，不能" + label;
    }
}
