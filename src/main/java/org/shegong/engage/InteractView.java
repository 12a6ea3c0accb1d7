package org.shegong.engage;

import java.util.List;
import org.shegong.column.Column;
import org.shegong.site.AnsweredQuestion;
import org.shegong.system.web.Chrome;

/** The public 咨询 list: published questions with answers, all or one column's. */
public record InteractView(Chrome chrome, Column column, List<AnsweredQuestion> questions, int page, int pages) {

    public String heading() {
        return column == null ? "互动交流" : column.name() + " · 留言与答复";
    }

    public String pageUrl(int target) {
        String base = column == null ? "/interact?" : "/interact?column=" + column.slug() + "&";
        return base + "page=" + target;
    }
}
