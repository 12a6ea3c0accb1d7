package org.shegong.sitepage;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.shegong.content.BodySanitizer;
import org.springframework.stereotype.Service;

/** Reads and changes single pages; every body is sanitised against the article body's allow-list before it is stored. */
@Service
public class SitePageService {

    /** The pages the footer links to; they always exist (created by the migration). */
    public static final String ABOUT = "about";
    public static final String CONTACT = "contact";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final SitePageRepository pages;
    private final Clock clock;

    SitePageService(SitePageRepository pages, Clock clock) {
        this.pages = pages;
        this.clock = clock;
    }

    public List<SitePage> all() {
        return pages.all();
    }

    public Optional<SitePage> bySlug(String slug) {
        return slug == null || !SLUG.matcher(slug).matches() ? Optional.empty() : pages.bySlug(slug);
    }

    public Optional<SitePage> byId(long id) {
        return pages.byId(id);
    }

    /** Creates a page; returns its id. Runs in the caller's transaction, which records the audit entry too. */
    public long create(String slug, String title, String body, String by) {
        String s = slug == null ? "" : slug.strip();
        if (!SLUG.matcher(s).matches()) {
            throw new SitePageException("地址标识只能用小写字母、数字和连字符，1 到 64 个字符，例如 about");
        }
        if (pages.bySlug(s).isPresent()) {
            throw new SitePageException("地址标识“" + s + "”已被其他单页使用");
        }
        pages.insert(s, title(title), body(body), clock.instant(), by);
        return pages.bySlug(s).orElseThrow().id();
    }

    public void update(long id, String title, String body, String by) {
        if (!pages.update(id, title(title), body(body), clock.instant(), by)) {
            throw SitePageException.missing();
        }
    }

    private static String title(String raw) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty() || t.codePointCount(0, t.length()) > 100) {
            throw new SitePageException("标题不能为空，最多 100 个字符");
        }
        return t;
    }

    private static String body(String raw) {
        if (raw != null && raw.length() > 500_000) {
            throw new SitePageException("正文过长（最多 50 万个字符）");
        }
        String clean = BodySanitizer.sanitize(raw);
        if (clean == null) {
            throw new SitePageException("正文不能为空");
        }
        return clean;
    }
}
