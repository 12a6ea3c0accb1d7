package org.shegong.editorial.workflow;

import org.shegong.system.backup.DeclaredPart;
import org.shegong.system.backup.ExportTable;
import org.springframework.stereotype.Component;

/** Every revision and where each article stands in the workflow, in the site archive (docs/adr/0052). */
@Component
class EditorialSitePart extends DeclaredPart {

    EditorialSitePart() {
        super("editorial", 50,
                ExportTable.withId("article_revision"),
                ExportTable.keyedBy("article_workflow", "article_id"));
    }
}
