package org.shegong.search.web;

import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.account.Permission;
import org.shegong.search.index.IndexMaintenance;
import org.shegong.system.audit.AuditCode;
import org.shegong.system.audit.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Starts a rebuild of the search index unless one runs. The rebuild itself runs in the background on derived
 * data; what commits here is the audit entry, and only a rebuild that started gets one.
 */
@Component
class RebuildSearchIndexAction {

    private final IndexMaintenance maintenance;
    private final AuditLog audit;

    RebuildSearchIndexAction(IndexMaintenance maintenance, AuditLog audit) {
        this.maintenance = maintenance;
        this.audit = audit;
    }

    /** True when a rebuild started, false when one was already running. */
    @Transactional
    boolean rebuild(Actor actor) {
        Authorization.require(actor, Permission.SEARCH_INDEX);
        // The other nodes' indexes follow the event. Written first: this node's rebuild, started next on this
        // transaction's connection, reads the newest event id with it and so covers it (no second rebuild here).
        maintenance.announceRebuild();
        if (!maintenance.startRebuild()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly(); // one runs already: no event
            return false;
        }
        audit.append(actor, AuditCode.SEARCH_REINDEX, null, null,
                "重建搜索索引：应写入 " + maintenance.report().status().total() + " 篇");
        return true;
    }
}
