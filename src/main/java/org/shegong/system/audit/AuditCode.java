package org.shegong.system.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of audited change, with the code stored in audit_log.action and the Chinese name people read in
 * the log, its filter and its CSV. One list, so a new action cannot be written without a name, and the log's
 * filter offers exactly what can be written. The codes are stored: never rename one, only add.
 */
public enum AuditCode {
    CREATE("create", "新建"),
    SAVE("save", "保存"),
    AUTOSAVE("autosave", "自动保存"),
    REVIEW_EDIT("review_edit", "审核中修改"),
    RESTORE("restore", "恢复版本"),
    SUBMIT("submit", "提交审核"),
    APPROVE("approve", "审核通过"),
    REJECT("reject", "退回"),
    PUBLISH("publish", "发布"),
    SCHEDULE("schedule", "定时发布"),
    UNSCHEDULE("unschedule", "取消定时"),
    WITHDRAW("withdraw", "撤稿"),
    EXPIRE("expire", "到期下线"),
    SENSITIVE_OVERRIDE("sensitive-override", "敏感词强制发布"),
    SENSITIVE_WORDS("sensitive-words", "修改敏感词表"),
    COLUMN_ADD("column-add", "新增栏目"),
    COLUMN_EDIT("column-edit", "修改栏目"),
    COLUMN_ORDER("column-order", "调整栏目顺序"),
    COLUMN_MOVE("column-move", "移动栏目"),
    COLUMN_VISIBILITY("column-visibility", "显示或隐藏栏目"),
    REVIEW_LEVELS("review-levels", "设置审核级数"),
    PAGE_ADD("page-add", "新建单页"),
    PAGE_EDIT("page-edit", "修改单页"),
    USER_CREATE("user-create", "新建账户"),
    USER_ENABLE("user-enable", "启用或停用账户"),
    USER_UNLOCK("user-unlock", "解除锁定"),
    USER_PASSWORD("user-password", "重置密码"),
    USER_GRANT("user-grant", "授予栏目角色"),
    USER_REVOKE("user-revoke", "收回栏目角色"),
    SEARCH_REINDEX("search-reindex", "重建搜索索引"),
    SEARCH_VOCABULARY("search-vocabulary", "修改搜索词典"),
    DIGEST_GENERATE("digest-generate", "生成一周动态"),
    DIGEST_EDIT("digest-edit", "修改一周动态"),
    DIGEST_RECOMPOSE("digest-recompose", "重新生成一周动态"),
    INTERACT_PUBLISH("interact-publish", "公开留言答复"),
    INTERACT_REJECT("interact-reject", "留言不予公开"),
    SLOT_ADD("slot-add", "加入首页版位"),
    SLOT_REMOVE("slot-remove", "移出首页版位"),
    SLOT_ORDER("slot-order", "调整首页版位顺序"),
    TOPIC_CREATE("topic-create", "新建专题"),
    TOPIC_EDIT("topic-edit", "修改专题"),
    TOPIC_ITEM_ADD("topic-item-add", "加入专题"),
    TOPIC_ITEM_REMOVE("topic-item-remove", "移出专题"),
    API_TOKEN_CREATE("api-token-create", "创建访问令牌"),
    API_TOKEN_REVOKE("api-token-revoke", "吊销访问令牌");

    private static final Map<String, AuditCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AuditCode::code, Function.identity()));

    private final String code;
    private final String label;

    AuditCode(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** What audit_log.action holds. */
    public String code() {
        return code;
    }

    /** What people read. */
    public String label() {
        return label;
    }

    public static Optional<AuditCode> ofCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** The Chinese name of a stored code; a code this version does not know (a newer node's) shows as stored. */
    public static String labelOf(String code) {
        return ofCode(code).map(AuditCode::label).orElse(code);
    }
}
