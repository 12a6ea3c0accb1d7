package org.shegong.editorial.web;

/** Chinese names of the audit log's action codes. */
public final class AuditLabels {

    private AuditLabels() {
    }

    public static String of(String action) {
        return switch (action) {
            case "create" -> "新建";
            case "save" -> "保存";
            case "autosave" -> "自动保存";
            case "review_edit" -> "审核中修改";
            case "restore" -> "恢复版本";
            case "submit" -> "提交审核";
            case "approve" -> "审核通过";
            case "reject" -> "退回";
            case "publish" -> "发布";
            case "schedule" -> "定时发布";
            case "unschedule" -> "取消定时";
            case "withdraw" -> "撤稿";
            case "expire" -> "到期下线";
            case "sensitive-override" -> "敏感词强制发布";
            case "sensitive-words" -> "修改敏感词表";
            case "column-add" -> "新增栏目";
            case "column-edit" -> "修改栏目";
            case "column-order" -> "调整栏目顺序";
            case "column-move" -> "移动栏目";
            case "column-visibility" -> "显示或隐藏栏目";
            case "review-levels" -> "设置审核级数";
            case "page-add" -> "新建单页";
            case "page-edit" -> "修改单页";
            case "user-create" -> "新建账户";
            case "user-enable" -> "启用或停用账户";
            case "user-unlock" -> "解除锁定";
            case "user-password" -> "重置密码";
            case "user-grant" -> "授予栏目角色";
            case "user-revoke" -> "收回栏目角色";
            case "search-reindex" -> "重建搜索索引";
            case "search-vocabulary" -> "修改搜索词典";
            case "interact-publish" -> "公开留言答复";
            case "interact-reject" -> "留言不予公开";
            case "slot-add" -> "加入首页版位";
            case "slot-remove" -> "移出首页版位";
            case "slot-order" -> "调整首页版位顺序";
            case "topic-create" -> "新建专题";
            case "topic-edit" -> "修改专题";
            case "topic-item-add" -> "加入专题";
            case "topic-item-remove" -> "移出专题";
            default -> action;
        };
    }
}
