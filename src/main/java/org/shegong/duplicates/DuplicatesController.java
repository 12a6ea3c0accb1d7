package org.shegong.duplicates;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import jakarta.servlet.http.HttpServletRequest;
import org.shegong.account.AdminContext;
import org.shegong.content.similar.NearDuplicates;
import org.shegong.system.web.BackOffice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The back office's report of near-duplicate clusters (administrators: it names drafts of every column). */
@Requires(Permission.DUPLICATES)
@Controller
@BackOffice
class DuplicatesController {

    static final int SHOWN = 100;

    private final AdminContext context;
    private final NearDuplicates nearDuplicates;

    DuplicatesController(AdminContext context, NearDuplicates nearDuplicates) {
        this.context = context;
        this.nearDuplicates = nearDuplicates;
    }

    @GetMapping("/admin/duplicates")
    String report(HttpServletRequest request, Model model) {
        model.addAttribute("view", new DuplicatesView(context.chrome(request), nearDuplicates.clusters(SHOWN),
                nearDuplicates.fingerprinted(), NearDuplicates.MAX_DISTANCE));
        return "duplicates/report";
    }
}
