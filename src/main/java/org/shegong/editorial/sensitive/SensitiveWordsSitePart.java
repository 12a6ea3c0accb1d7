package org.shegong.editorial.sensitive;

import org.shegong.system.backup.DeclaredPart;
import org.shegong.system.backup.ExportTable;
import org.springframework.stereotype.Component;

/** The administrators' sensitive words in the site archive (docs/adr/0052). */
@Component
class SensitiveWordsSitePart extends DeclaredPart {

    SensitiveWordsSitePart() {
        super("sensitive-words", 50, ExportTable.withId("sensitive_word"));
    }
}
