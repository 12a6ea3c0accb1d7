package org.shegong.admin;

import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.system.web.BackOffice;
import org.shegong.system.web.PublicAddressCheck;
import org.shegong.account.AdminContext;
import org.shegong.editorial.web.ListedArticle;
import org.shegong.editorial.web.ListedArticles;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shegong.account.StaffUser;
import org.shegong.account.Actor;
import org.shegong.editorial.workflow.Permissions;
import org.shegong.column.ReviewLevels;
import org.shegong.editorial.workflow.WorkflowAction;
import org.shegong.editorial.workflow.WorkflowRecord;
import org.shegong.editorial.workflow.WorkflowRepository;
import org.shegong.editorial.workflow.VisibleArticles;
import org.shegong.editorial.workflow.WorkflowState;
import org.shegong.content.ArticleRow;
import org.shegong.content.ArticleService;
import org.shegong.digest.newsletter.SubscriptionService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Requires(Permission.STAFF)
@BackOffice
@Controller
class DashboardController {

    private static final int SHOWN = 10;
    /** How many queued articles are read to find those this person may review. */
    private static final int QUEUE_SCAN = 500;

    private final AdminContext context;
    private final WorkflowRepository workflows;
    private final ReviewLevels levels;
    private final ArticleService articles;
    private final ListedArticles listed;
    private final SubscriptionService subscriptions;
    private final VisibleArticles visible;
    private final PublicAddressCheck address;

    DashboardController(AdminContext context, WorkflowRepository workflows, ReviewLevels levels,
                        ArticleService articles, ListedArticles listed, SubscriptionService subscriptions,
                        VisibleArticles visible, PublicAddressCheck address) {
        this.address = address;
        this.subscriptions = subscriptions;
        this.context = context;
        this.workflows = workflows;
        this.levels = levels;
        this.articles = articles;
        this.listed = listed;
        this.visible = visible;
    }

    @GetMapping("/admin")
    String dashboard(@AuthenticationPrincipal StaffUser user, HttpServletRequest request, Model model) {
        Actor actor = context.actor(user, request);
        List<WorkflowRecord> waiting = workflows.inStates(List.of(WorkflowState.IN_REVIEW, WorkflowState.APPROVED),
                null, QUEUE_SCAN).stream().filter(r -> Permissions.may(actor,
                        r.state() == WorkflowState.IN_REVIEW ? WorkflowAction.APPROVE : WorkflowAction.PUBLISH, r,
                        levels.rules(r.columnId()))).limit(SHOWN).toList();
        model.addAttribute("view", new DashboardView(context.chrome(request),
                rows(workflows.inStates(List.of(WorkflowState.DRAFT), actor.userId(), SHOWN)),
                rows(waiting),
                rows(workflows.inStates(List.of(WorkflowState.REJECTED), actor.userId(), SHOWN)),
                rows(visibleTo(actor, WorkflowState.SCHEDULED)),
                rows(visibleTo(actor, WorkflowState.LIVE)),
                user.administrator() && !subscriptions.mailConfigured(),
                user.administrator() ? address.mismatchSeen().orElse(null) : null,
                user.administrator() ? address.ignoredForwardingSeen().orElse(null) : null, address.trustsProxy()));
        return "admin/dashboard";
    }

    /** The newest articles in a state that the actor may see. */
    private List<WorkflowRecord> visibleTo(Actor actor, WorkflowState state) {
        return workflows.inStates(List.of(state), null, QUEUE_SCAN).stream().filter(r -> visible.shows(actor, r))
                .limit(SHOWN).toList();
    }

    /** The articles' list rows in the order of the workflow records. */
    private List<ListedArticle> rows(List<WorkflowRecord> records) {
        Map<Long, ArticleRow> byId = articles.rows(records.stream().map(WorkflowRecord::articleId).toList()).stream()
                .collect(Collectors.toMap(ArticleRow::id, Function.identity()));
        return listed.of(records.stream().map(r -> byId.get(r.articleId())).filter(java.util.Objects::nonNull).toList());
    }
}
