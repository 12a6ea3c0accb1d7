package org.shegong.editorial.web;

import java.util.List;
import java.util.Map;
import org.shegong.column.ReviewLevels;
import org.shegong.editorial.workflow.Permissions;
import org.shegong.editorial.workflow.WorkflowRecord;
import org.shegong.editorial.workflow.WorkflowRepository;
import org.shegong.editorial.workflow.WorkflowState;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleRow;
import org.shegong.content.ArticleStatus;
import org.springframework.stereotype.Component;

/** Joins list rows from the content feature with workflow states from this one (in memory, one query each). */
@Component
public class ListedArticles {

    private final WorkflowRepository workflows;
    private final ReviewLevels levels;
    private final ColumnService columns;

    ListedArticles(WorkflowRepository workflows, ReviewLevels levels, ColumnService columns) {
        this.workflows = workflows;
        this.levels = levels;
        this.columns = columns;
    }

    public List<ListedArticle> of(List<ArticleRow> rows) {
        Map<Long, WorkflowRecord> records = workflows.findAll(rows.stream().map(ArticleRow::id).toList());
        return rows.stream().map(row -> {
            WorkflowRecord record = records.get(row.id());
            String column = columns.byId(row.primaryColumnId()).map(Column::name).orElse("");
            return new ListedArticle(row, column, stage(row, record), record == null ? null : record.lastComment());
        }).toList();
    }

    private String stage(ArticleRow row, WorkflowRecord record) {
        if (record == null) {
            return row.status() == ArticleStatus.LIVE ? WorkflowState.LIVE.label()
                    : row.status() == ArticleStatus.WITHDRAWN ? WorkflowState.WITHDRAWN.label()
                    : WorkflowState.DRAFT.label();
        }
        String stage = record.state() == WorkflowState.IN_REVIEW
                ? "待" + Permissions.levelName(record.reviewLevel(), levels.of(record.columnId()))
                : record.state().label();
        return record.hasPendingChange() ? stage + "（线上有旧版）" : stage;
    }
}
