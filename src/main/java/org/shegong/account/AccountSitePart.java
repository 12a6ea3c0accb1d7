package org.shegong.account;

import java.util.Map;
import org.shegong.system.backup.DeclaredPart;
import org.shegong.system.backup.ExportTable;
import org.springframework.stereotype.Component;

/** Staff accounts (without password hashes) and their column grants in the site archive (docs/adr/0052). */
@Component
class AccountSitePart extends DeclaredPart {

    /** Matches no password (the encoder answers false for a hash it does not know): login needs a reset first. */
    static final String RESET_REQUIRED = "{reset-required}";

    AccountSitePart() {
        super("account", 20,
                // No password hash leaves the site: an imported account cannot log in until its password is reset.
                ExportTable.withId("app_user").withholding(Map.of("password_hash", RESET_REQUIRED)),
                ExportTable.keyedBy("column_grant", "user_id", "column_id", "role"));
    }
}
