package org.shegong.editorial.web;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;
import org.shegong.account.AdminContext;

import jakarta.servlet.http.HttpServletRequest;
import org.shegong.account.StaffUser;
import org.shegong.editorial.workflow.EditConflictException;
import org.shegong.editorial.workflow.EditorialException;
import org.shegong.editorial.workflow.SaveRevisionAction;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The target of the editor's autosave script (js/admin-autosave.js): the same form as a save, answered with
 * JSON for the script instead of a page. Without JavaScript nobody calls it.
 */
@Requires(Permission.ARTICLES)
@BackOffice
@Controller
class ArticleAutosaveController {

    private final AdminContext context;
    private final SaveRevisionAction save;

    ArticleAutosaveController(AdminContext context, SaveRevisionAction save) {
        this.context = context;
        this.save = save;
    }

    @PostMapping("/admin/articles/{id}/autosave")
    ResponseEntity<String> autosave(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                                    @ModelAttribute ArticleForm form, HttpServletRequest request) {
        try {
            int revision = save.autosave(context.actor(user, request), id, form.getBase(), form.toContent());
            return json(200, "{\"revision\":" + revision + "}");
        } catch (EditConflictException e) {
            return json(409, message("稿件已被他人修改，自动保存未生效；请手动保存以查看两个版本"));
        } catch (EditorialException e) {
            return json(e.status(), message(e.getMessage()));
        }
    }

    private static ResponseEntity<String> json(int status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String message(String text) {
        StringBuilder json = new StringBuilder("{\"error\":\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append("\"}").toString();
    }
}
