package org.shegong.engage;

import java.util.Map;
import org.shegong.system.backup.DeclaredPart;
import org.shegong.system.backup.ExportTable;
import org.springframework.stereotype.Component;

/** Questions, organisations (without password hashes) and their submissions in the site archive (ADR 0052). */
@Component
class EngageSitePart extends DeclaredPart {

    EngageSitePart() {
        super("engage", 70,
                // Organisations log in with a password too: theirs stays behind, they reset it by mail.
                ExportTable.withId("engage_organisation").withholding(Map.of("password_hash", "{reset-required}")),
                ExportTable.withId("engage_question"),
                ExportTable.withId("engage_submission"),
                ExportTable.withId("engage_submission_file"));
    }
}
