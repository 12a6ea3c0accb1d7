package org.shegong.editorial.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shegong.editorial.workflow.WorkflowAction.APPROVE;
import static org.shegong.editorial.workflow.WorkflowAction.EDIT;
import static org.shegong.editorial.workflow.WorkflowAction.EXPIRE;
import static org.shegong.editorial.workflow.WorkflowAction.PUBLISH;
import static org.shegong.editorial.workflow.WorkflowAction.REJECT;
import static org.shegong.editorial.workflow.WorkflowAction.SCHEDULE;
import static org.shegong.editorial.workflow.WorkflowAction.SUBMIT;
import static org.shegong.editorial.workflow.WorkflowAction.UNSCHEDULE;
import static org.shegong.editorial.workflow.WorkflowAction.WITHDRAW;
import static org.shegong.editorial.workflow.WorkflowState.APPROVED;
import static org.shegong.editorial.workflow.WorkflowState.DRAFT;
import static org.shegong.editorial.workflow.WorkflowState.IN_REVIEW;
import static org.shegong.editorial.workflow.WorkflowState.LIVE;
import static org.shegong.editorial.workflow.WorkflowState.REJECTED;
import static org.shegong.editorial.workflow.WorkflowState.SCHEDULED;
import static org.shegong.editorial.workflow.WorkflowState.WITHDRAWN;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The state machine as a table: every (action, state, live) pair is either in this list or refused. */
class WorkflowStateMachineTest {

    /** Legal starting states of each action for an article that is not on the site. */
    private static final Map<WorkflowAction, Set<WorkflowState>> LEGAL_OFF_SITE = Map.ofEntries(
            Map.entry(EDIT, EnumSet.of(DRAFT, REJECTED, LIVE, WITHDRAWN)),
            Map.entry(SUBMIT, EnumSet.of(DRAFT, REJECTED, WITHDRAWN)),
            Map.entry(WorkflowAction.REVISE, EnumSet.of(IN_REVIEW)),
            Map.entry(APPROVE, EnumSet.of(IN_REVIEW)),
            Map.entry(WorkflowAction.APPROVE_AND_PUBLISH, EnumSet.of(IN_REVIEW)),
            Map.entry(REJECT, EnumSet.of(IN_REVIEW, APPROVED)),
            Map.entry(PUBLISH, EnumSet.of(APPROVED, SCHEDULED)),
            Map.entry(SCHEDULE, EnumSet.of(APPROVED)),
            Map.entry(UNSCHEDULE, EnumSet.of(SCHEDULED)),
            Map.entry(WITHDRAW, EnumSet.noneOf(WorkflowState.class)),
            Map.entry(EXPIRE, EnumSet.noneOf(WorkflowState.class)));

    @Test
    void everyActionIsAllowedExactlyFromItsLegalStates() {
        int checked = 0;
        for (WorkflowAction action : WorkflowAction.values()) {
            for (WorkflowState state : WorkflowState.values()) {
                for (boolean live : new boolean[] {false, true}) {
                    boolean expected = live && (action == WITHDRAW || action == EXPIRE)
                            || LEGAL_OFF_SITE.get(action).contains(state);
                    assertThat(action.allowedFrom(state, live)).as("%s from %s (live=%s)", action, state, live)
                            .isEqualTo(expected);
                    if (!expected) {
                        assertThat(action.refusal(state, live)).as("a Chinese reason").contains("不");
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(WorkflowAction.values().length * WorkflowState.values().length * 2);
    }
}
