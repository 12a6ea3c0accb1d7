package org.shegong.editorial.sensitive;

import org.shegong.account.Actor;
import org.shegong.account.Authorization;
import org.shegong.account.Permission;
import org.shegong.system.audit.AuditCode;
import org.shegong.system.audit.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Adds words to or removes one from the sensitive-word list: checked, written and audited in one transaction. */
@Component
public class ChangeSensitiveWordsAction {

    private final SensitiveWords words;
    private final AuditLog audit;

    ChangeSensitiveWordsAction(SensitiveWords words, AuditLog audit) {
        this.words = words;
        this.audit = audit;
    }

    /** The words, one per line or separated by spaces; returns how many were new. */
    @Transactional
    public int add(Actor actor, String text) {
        Authorization.require(actor, Permission.SENSITIVE_WORDS);
        int added = words.add(text, actor.userId());
        audit.append(actor, AuditCode.SENSITIVE_WORDS, null, null, "新增 " + added + " 个：" + abbreviate(text));
        return added;
    }

    /** Removes the word; nothing is audited when it was not on the list. */
    @Transactional
    public boolean remove(Actor actor, String word) {
        Authorization.require(actor, Permission.SENSITIVE_WORDS);
        boolean removed = words.remove(word);
        if (removed) {
            audit.append(actor, AuditCode.SENSITIVE_WORDS, null, null, "删除：" + word);
        }
        return removed;
    }

    private static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", "、");
        return flat.length() <= 500 ? flat : flat.substring(0, 500) + "…";
    }
}
