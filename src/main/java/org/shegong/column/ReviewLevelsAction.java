package org.shegong.column;

import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.account.Permission;
import org.shegong.system.audit.AuditCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets how many review levels a column's articles pass and whether one person may pass more than one of them:
 * checked, written and audited together.
 */
@Component
class ReviewLevelsAction {

    private final ReviewLevels reviewLevels;
    private final ColumnAuditTrail trail;

    ReviewLevelsAction(ReviewLevels reviewLevels, ColumnAuditTrail trail) {
        this.reviewLevels = reviewLevels;
        this.trail = trail;
    }

    /** {@code separation} is "on", "off" or null (unchanged). */
    @Transactional
    void set(Actor actor, long id, int levels, String separation) {
        Authorization.require(actor, Permission.COLUMNS);
        String name = trail.name(id);
        if (separation != null && !separation.equals("on") && !separation.equals("off")) {
            throw ColumnChangeException.invalid("审核人设置不正确");
        }
        ReviewRules before = reviewLevels.rules(id);
        reviewLevels.set(id, levels);
        String change = before.levels() + " 级改为 " + levels + " 级";
        if (separation != null) {
            boolean onePerPerson = separation.equals("on");
            reviewLevels.setOneLevelPerPerson(id, onePerPerson);
            if (onePerPerson != before.oneLevelPerPerson()) {
                change += "，" + (onePerPerson ? "每级须由不同的人审核" : "同一人可通过多级审核");
            }
        }
        trail.record(actor, AuditCode.REVIEW_LEVELS, id, "“" + name + "”：" + change);
    }
}
