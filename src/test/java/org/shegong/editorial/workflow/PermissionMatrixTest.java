package org.shegong.editorial.workflow;

import org.shegong.account.Actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;

/**
 * Role × action: who may do what to an article of column 1 (three review levels) owned by user 10. Each
 * action is asked in a state where it is legal, so only permission decides. The expected table is written out
 * by hand: a change of rule must change this table.
 */
class PermissionMatrixTest {

    private static final long COLUMN = 1;
    private static final long OTHER_COLUMN = 2;
    private static final long OWNER = 10;

    private static Actor actor(long id, boolean administrator, Role role, long column) {
        List<ColumnGrant> grants = role == null ? List.of() : List.of(new ColumnGrant(column, role));
        return new Actor(id, "u" + id, administrator, grants, "127.0.0.1");
    }

    private static final Map<String, Actor> ACTORS = new LinkedHashMap<>();

    static {
        ACTORS.put("administrator", actor(1, true, null, COLUMN));
        ACTORS.put("chief editor", actor(2, false, Role.CHIEF_EDITOR, COLUMN));
        ACTORS.put("reviewer", actor(3, false, Role.REVIEWER, COLUMN));
        ACTORS.put("editor", actor(4, false, Role.EDITOR, COLUMN));
        ACTORS.put("contributor (owner)", actor(OWNER, false, Role.CONTRIBUTOR, COLUMN));
        ACTORS.put("contributor (other)", actor(5, false, Role.CONTRIBUTOR, COLUMN));
        ACTORS.put("chief editor elsewhere", actor(6, false, Role.CHIEF_EDITOR, OTHER_COLUMN));
        ACTORS.put("no grants", actor(7, false, null, COLUMN));
        ACTORS.put("system", Actor.system());
    }

    /** The cases: an action and the article state (review level, live) in which it is asked. */
    private enum Case {
        EDIT_DRAFT(WorkflowAction.EDIT, WorkflowState.DRAFT, 0, false),
        EDIT_LIVE(WorkflowAction.EDIT, WorkflowState.LIVE, 0, true),
        SUBMIT(WorkflowAction.SUBMIT, WorkflowState.DRAFT, 0, false),
        APPROVE_L1(WorkflowAction.APPROVE, WorkflowState.IN_REVIEW, 1, false),
        APPROVE_L2(WorkflowAction.APPROVE, WorkflowState.IN_REVIEW, 2, false),
        APPROVE_L3(WorkflowAction.APPROVE, WorkflowState.IN_REVIEW, 3, false),
        REVISE_L1(WorkflowAction.REVISE, WorkflowState.IN_REVIEW, 1, false),
        REVISE_L3(WorkflowAction.REVISE, WorkflowState.IN_REVIEW, 3, false),
        APPROVE_AND_PUBLISH_L2(WorkflowAction.APPROVE_AND_PUBLISH, WorkflowState.IN_REVIEW, 2, false),
        APPROVE_AND_PUBLISH_L3(WorkflowAction.APPROVE_AND_PUBLISH, WorkflowState.IN_REVIEW, 3, false),
        REJECT_L1(WorkflowAction.REJECT, WorkflowState.IN_REVIEW, 1, false),
        REJECT_APPROVED(WorkflowAction.REJECT, WorkflowState.APPROVED, 0, false),
        PUBLISH(WorkflowAction.PUBLISH, WorkflowState.APPROVED, 0, false),
        PUBLISH_SCHEDULED(WorkflowAction.PUBLISH, WorkflowState.SCHEDULED, 0, false),
        SCHEDULE(WorkflowAction.SCHEDULE, WorkflowState.APPROVED, 0, false),
        UNSCHEDULE(WorkflowAction.UNSCHEDULE, WorkflowState.SCHEDULED, 0, false),
        WITHDRAW(WorkflowAction.WITHDRAW, WorkflowState.LIVE, 0, true),
        EXPIRE(WorkflowAction.EXPIRE, WorkflowState.LIVE, 0, true);

        final WorkflowAction action;
        final WorkflowState state;
        final int level;
        final boolean live;

        Case(WorkflowAction action, WorkflowState state, int level, boolean live) {
            this.action = action;
            this.state = state;
            this.level = level;
            this.live = live;
        }
    }

    // Columns: administrator, chief editor, reviewer, editor, contributor (owner), contributor (other),
    //          chief editor elsewhere, no grants, system
    private static final Map<Case, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put(Case.EDIT_DRAFT,        "YYYYYNNNN");
        EXPECTED.put(Case.EDIT_LIVE,         "YYYYNNNNN");
        EXPECTED.put(Case.SUBMIT,            "YYYYYNNNN");
        EXPECTED.put(Case.APPROVE_L1,        "YYYYNNNNN");
        EXPECTED.put(Case.APPROVE_L2,        "YYYNNNNNN");
        EXPECTED.put(Case.APPROVE_L3,        "YYNNNNNNN");
        EXPECTED.put(Case.REVISE_L1,         "YYYYNNNNN");
        EXPECTED.put(Case.REVISE_L3,         "YYNNNNNNN");
        EXPECTED.put(Case.APPROVE_AND_PUBLISH_L2, "NNNNNNNNN");
        EXPECTED.put(Case.APPROVE_AND_PUBLISH_L3, "YYNNNNNNN");
        EXPECTED.put(Case.REJECT_L1,         "YYYYNNNNN");
        EXPECTED.put(Case.REJECT_APPROVED,   "YYNNNNNNN");
        EXPECTED.put(Case.PUBLISH,           "YYNNNNNNN");
        EXPECTED.put(Case.PUBLISH_SCHEDULED, "YYNNNNNNY");
        EXPECTED.put(Case.SCHEDULE,          "YYNNNNNNN");
        EXPECTED.put(Case.UNSCHEDULE,        "YYNNNNNNN");
        EXPECTED.put(Case.WITHDRAW,          "YYNNNNNNN");
        EXPECTED.put(Case.EXPIRE,            "NNNNNNNNY");
    }

    @Test
    void everyRoleMayDoExactlyWhatTheTableSays() {
        assertThat(EXPECTED.keySet()).containsExactly(Case.values());
        List<String> mismatches = new ArrayList<>();
        for (Case c : Case.values()) {
            WorkflowRecord record = new WorkflowRecord(99, c.state, c.level, OWNER, COLUMN, 1, c.live ? 1 : null,
                    c.live, null, null, null, Instant.EPOCH, 0, java.util.List.of());
            StringBuilder actual = new StringBuilder();
            for (Actor actor : ACTORS.values()) {
                actual.append(Permissions.may(actor, c.action, record, 3) ? 'Y' : 'N');
            }
            if (!actual.toString().equals(EXPECTED.get(c))) {
                mismatches.add(c + ": expected " + EXPECTED.get(c) + " but was " + actual);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void fewerReviewLevelsDropTheLowerRungsSoTheLastLevelIsAlwaysTheChiefEditors() {
        assertThat(Permissions.reviewerFor(1, 1)).isEqualTo(Role.CHIEF_EDITOR);
        assertThat(Permissions.reviewerFor(1, 2)).isEqualTo(Role.REVIEWER);
        assertThat(Permissions.reviewerFor(2, 2)).isEqualTo(Role.CHIEF_EDITOR);
        assertThat(Permissions.reviewerFor(1, 3)).isEqualTo(Role.EDITOR);
        assertThat(Permissions.reviewerFor(2, 3)).isEqualTo(Role.REVIEWER);
        assertThat(Permissions.reviewerFor(3, 3)).isEqualTo(Role.CHIEF_EDITOR);
        assertThat(Permissions.levelName(1, 3)).isEqualTo("初审");
        assertThat(Permissions.levelName(1, 1)).isEqualTo("终审");
    }

    @Test
    void onlyGrantedColumnsMayReceiveNewArticles() {
        assertThat(Permissions.mayCreate(ACTORS.get("contributor (other)"), COLUMN)).isTrue();
        assertThat(Permissions.mayCreate(ACTORS.get("contributor (other)"), OTHER_COLUMN)).isFalse();
        assertThat(Permissions.mayCreate(ACTORS.get("no grants"), COLUMN)).isFalse();
        assertThat(Permissions.mayCreate(ACTORS.get("administrator"), OTHER_COLUMN)).isTrue();
        assertThat(Permissions.mayCreate(Actor.system(), COLUMN)).isFalse();
    }
}
