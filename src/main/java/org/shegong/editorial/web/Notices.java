package org.shegong.editorial.web;

/** The confirmation shown after an action, by the action's code in the redirect. */
final class Notices {

    private Notices() {
    }

    static String of(String done) {
        return switch (done) {
            case "create" -> "稿件已创建（第 1 版）";
            case "save" -> "已保存为新版本";
            case "restore" -> "已恢复为新版本";
            case "submit" -> "已提交审核";
            case "approve" -> "已审核通过";
            case "approve-and-publish" -> "已审核通过并发布到网站";
            case "reject" -> "已退回作者";
            case "publish" -> "已发布到网站";
            case "schedule" -> "已设置定时发布";
            case "unschedule" -> "已取消定时发布";
            case "withdraw" -> "已撤稿";
            default -> null;
        };
    }
}
