package org.shegong.account;

import org.shegong.system.audit.AuditActor;
import java.util.List;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Role;

/**
 * Who performs an action, with the grants read at that moment, and from which address. The scheduler acts as
 * the system actor, which has no id and may only do what the clock decides (publish on time, expire).
 */
public record Actor(Long userId, String name, boolean administrator, List<ColumnGrant> grants, String address) implements AuditActor {

    public Actor {
        grants = List.copyOf(grants);
    }

    public static Actor system() {
        return new Actor(null, "系统定时任务", false, List.of(), null);
    }

    public boolean isSystem() {
        return userId == null;
    }

    /** The highest editorial role this actor holds in the column (administrators count as chief editors). */
    public boolean has(Role role, long columnId) {
        if (administrator) {
            return true;
        }
        return grants.stream().anyMatch(g -> g.columnId() == columnId && g.role().includes(role));
    }
}
