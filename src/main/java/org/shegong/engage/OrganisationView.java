package org.shegong.engage;

import java.util.List;
import org.shegong.system.web.Chrome;

/** The organisation account pages: mode is register, login, verify or message. */
public record OrganisationView(Chrome chrome, String mode, String heading, List<String> errors, String message,
                               OrganisationService.Registration form, boolean mailAvailable, String csrfParameter,
                               String csrfToken) {

    public static String value(String text) {
        return text == null ? "" : text;
    }
}
