package org.shegong.search.analysis;

import org.shegong.system.backup.DeclaredPart;
import org.shegong.system.backup.ExportTable;
import org.springframework.stereotype.Component;

/** The editors' search vocabulary in the site archive; the index itself is rebuilt from articles (ADR 0052). */
@Component
class SearchVocabularySitePart extends DeclaredPart {

    SearchVocabularySitePart() {
        super("search-vocabulary", 60, ExportTable.withId("search_vocabulary"));
    }
}
