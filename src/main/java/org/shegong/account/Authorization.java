package org.shegong.account;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.shegong.system.web.Refusal;

/**
 * The one authorization policy of the back office (ADR 0028): it knows roles, column grants and ownership, and
 * the caller passes the facts of the target. Everything it does not say yes to is refused.
 *
 * <p>Administrators may do everything. Column roles climb 投稿人 → 初审/采编 → 复审 → 终审, a higher one
 * including the lower. A contributor sees only articles they own; editors and reviewers see the articles of
 * the columns they are granted (any of an article's columns); chief editors see every article. What one may
 * do to an article (save, approve, publish) needs the role in its primary column, see editorial's Permissions.
 */
public final class Authorization {

    private Authorization() {
    }

    /** May the actor use routes that need {@code permission}? */
    public static boolean allows(Actor actor, Permission permission) {
        if (permission == Permission.ANYONE) {
            return true;
        }
        if (actor == null || actor.isSystem()) {
            return false;
        }
        if (actor.administrator()) {
            return true;
        }
        return switch (permission) {
            case ANYONE, STAFF -> true;
            case ARTICLES, MEDIA -> !actor.grants().isEmpty();
            case INTERACT -> holdsAnywhere(actor, Role.EDITOR);
            case SLOTS, SEARCH_VOCABULARY -> holdsAnywhere(actor, Role.CHIEF_EDITOR);
            case DIGESTS -> holdsAnywhere(actor, Role.EDITOR);
            case NEWSLETTER -> holdsAnywhere(actor, Role.CHIEF_EDITOR);
            case COLUMNS, USERS, AUDIT, SENSITIVE_WORDS, SEARCH_INDEX, SITE_PAGES, DUPLICATES -> false;
        };
    }

    /** Refuses with "您没有…的权限" unless {@link #allows}. */
    public static void require(Actor actor, Permission permission) {
        if (!allows(actor, permission)) {
            throw forbidden(permission.label());
        }
    }

    public static Refusal forbidden(String what) {
        return new Refusal(Refusal.Kind.FORBIDDEN, "您没有" + what + "的权限");
    }

    /** May the actor see (open, preview, compare, search for) an article with this owner and these columns? */
    public static boolean maySeeArticle(Actor actor, Long ownerId, Collection<Long> columnIds) {
        return maySeeArticle(actor, ownerId, () -> columnIds);
    }

    /** As above, reading the article's columns only when ownership and role do not already decide. */
    public static boolean maySeeArticle(Actor actor, Long ownerId, Supplier<? extends Collection<Long>> columnIds) {
        if (actor.isSystem() || actor.administrator() || holdsAnywhere(actor, Role.CHIEF_EDITOR)) {
            return true;
        }
        if (ownerId != null && ownerId.equals(actor.userId())) {
            return true;
        }
        if (!holdsAnywhere(actor, Role.EDITOR)) {
            return false;
        }
        return columnIds.get().stream().anyMatch(column -> actor.has(Role.EDITOR, column));
    }

    /** May the actor write articles into the column (投稿人 or higher there)? */
    public static boolean mayWriteIn(Actor actor, long columnId) {
        return !actor.isSystem() && actor.has(Role.CONTRIBUTOR, columnId);
    }

    /** May the actor hold {@code role} in the column (administrators hold every role)? */
    public static boolean holds(Actor actor, Role role, long columnId) {
        return !actor.isSystem() && actor.has(role, columnId);
    }

    /**
     * Which articles the actor's lists may show: null for all, else those in {@link ArticleScope#columns()} or
     * owned by the actor ({@code ownArticles} is read by the caller only when needed).
     */
    public static ArticleScope articleScope(Actor actor) {
        if (actor.administrator() || holdsAnywhere(actor, Role.CHIEF_EDITOR)) {
            return ArticleScope.ALL;
        }
        Set<Long> columns = new TreeSet<>();
        for (ColumnGrant grant : actor.grants()) {
            if (grant.role().includes(Role.EDITOR)) {
                columns.add(grant.columnId());
            }
        }
        return new ArticleScope(false, columns, actor.userId());
    }

    private static boolean holdsAnywhere(Actor actor, Role role) {
        return actor.grants().stream().anyMatch(g -> g.role().includes(role));
    }

    /** The articles someone may see in lists: all, or those of some columns plus their own. */
    public record ArticleScope(boolean all, Set<Long> columns, Long ownerId) {
        public static final ArticleScope ALL = new ArticleScope(true, Set.of(), null);

        public ArticleScope {
            columns = Set.copyOf(columns);
        }
    }
}
