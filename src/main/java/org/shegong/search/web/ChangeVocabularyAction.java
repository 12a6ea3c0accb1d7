package org.shegong.search.web;

import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.account.Permission;
import org.shegong.search.analysis.EditorVocabulary;
import org.shegong.search.analysis.EditorVocabulary.Kind;
import org.shegong.search.index.IndexMaintenance;
import org.shegong.system.audit.AuditCode;
import org.shegong.system.audit.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors' search dictionary and synonym groups: each change checked, written and audited in one
 * transaction. The caller applies the change to this node's index after the commit, so a rebuild never reads a
 * vocabulary that is not yet stored; an outbox event written with the change makes the other nodes' indexes
 * follow (on this node it finds the change applied: a rebuild it started covers the event).
 */
@Component
class ChangeVocabularyAction {

    private final EditorVocabulary vocabulary;
    private final AuditLog audit;
    private final IndexMaintenance maintenance;

    ChangeVocabularyAction(EditorVocabulary vocabulary, AuditLog audit, IndexMaintenance maintenance) {
        this.vocabulary = vocabulary;
        this.audit = audit;
        this.maintenance = maintenance;
    }

    @Transactional
    void addWords(Actor actor, String words) {
        Authorization.require(actor, Permission.SEARCH_VOCABULARY);
        int added = vocabulary.addWords(words, actor.userId());
        record(actor, Kind.WORD, "词典新增 " + added + " 个：" + abbreviate(words));
    }

    @Transactional
    void addSynonyms(Actor actor, String groups) {
        Authorization.require(actor, Permission.SEARCH_VOCABULARY);
        int added = vocabulary.addGroups(groups, actor.userId());
        record(actor, Kind.SYNONYMS, "同义词新增 " + added + " 组：" + abbreviate(groups));
    }

    /** True when the entry existed (and is gone); nothing is audited otherwise. */
    @Transactional
    boolean remove(Actor actor, Kind kind, String entry) {
        Authorization.require(actor, Permission.SEARCH_VOCABULARY);
        boolean removed = vocabulary.remove(kind, entry);
        if (removed) {
            record(actor, kind, (kind == Kind.WORD ? "词典删除：" : "同义词删除：") + entry);
        }
        return removed;
    }

    private void record(Actor actor, Kind kind, String comment) {
        audit.append(actor, AuditCode.SEARCH_VOCABULARY, null, null, comment);
        maintenance.announceVocabularyChange(kind);
    }

    private static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " / ");
        return flat.length() <= 500 ? flat : flat.substring(0, 500) + "…";
    }
}
