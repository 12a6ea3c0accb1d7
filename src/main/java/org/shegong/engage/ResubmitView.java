package org.shegong.engage;

import java.util.List;
import org.shegong.system.web.Chrome;

/** The page where an organisation corrects a returned submission. */
public record ResubmitView(Chrome chrome, ResubmissionService.Returned returned, String title, String body,
                           List<String> errors, String csrfParameter, String csrfToken) {
}
