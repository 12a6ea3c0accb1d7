package org.shegong.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shegong.column.Column;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.content.PublishedItem;
import org.shegong.content.PublishedRepository;
import org.shegong.digest.DigestRenderer.RenderedSection;
import org.shegong.system.web.SiteUrls;
import org.shegong.system.SiteProperties;
import org.shegong.system.outbox.OutboxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composes, edits and publishes digests. A digest is an article of kind DIGEST (so it is listed, searched and
 * cached like any other) plus its own entries, from which the article body is rendered.
 *
 * <p>Generating is idempotent per window: the first run creates the draft; a later run for the same window
 * recomposes an untouched draft (unchanged when the content is the same) but never overwrites a draft an
 * editor has changed, nor a published digest (see docs/adr/0007).
 */
@Service
public class DigestService {

    public static final String DIGEST_PUBLISHED = "digest.published";
    private static final Logger log = LoggerFactory.getLogger(DigestService.class);

    private final DigestRepository digests;
    private final PublishedRepository published;
    private final ArticleService articles;
    private final ColumnService columns;
    private final OutboxWriter outbox;
    private final DigestProperties properties;
    private final SiteProperties site;
    private final Clock clock;
    private final EntryProvinces provinces;

    public DigestService(DigestRepository digests, PublishedRepository published, ArticleService articles,
                         ColumnService columns, OutboxWriter outbox, DigestProperties properties, SiteProperties site,
                         Clock clock) {
        this(digests, published, articles, columns, outbox, properties, site, clock, EntryProvinces.NONE);
    }

    @Autowired
    public DigestService(DigestRepository digests, PublishedRepository published, ArticleService articles,
                         ColumnService columns, OutboxWriter outbox, DigestProperties properties, SiteProperties site,
                         Clock clock, EntryProvinces provinces) {
        this.provinces = provinces;
        this.digests = digests;
        this.published = published;
        this.articles = articles;
        this.columns = columns;
        this.outbox = outbox;
        this.properties = properties;
        this.site = site;
        this.clock = clock;
    }

    /** The draft for the seven days before today in the digest's zone: what the weekly schedule runs. */
    @Transactional
    public Generated generatePastWeek() {
        return generate(DigestWindow.pastWeek(clock, properties.zone()));
    }

    @Transactional
    public Generated generate(DigestWindow window) {
        List<DigestEntry> composed = compose(window);
        Optional<Digest> existing = digests.findByWindow(window);
        if (existing.isEmpty()) {
            long articleId = saveArticle(window, properties.introduction(), composed);
            long id = digests.insert(window, articleId, properties.introduction(), clock.instant());
            digests.replaceEntries(id, composed);
            log.info("Digest {} drafted with {} entries (article {})", window.title(), composed.size(), articleId);
            return new Generated(find(id), Generated.Outcome.CREATED, composed.size());
        }
        Digest digest = existing.get();
        if (!digest.isDraft()) {
            return new Generated(digest, Generated.Outcome.KEPT_PUBLISHED, composed.size());
        }
        if (digest.edited()) {
            return new Generated(digest, Generated.Outcome.KEPT_EDITED, composed.size());
        }
        if (composed.equals(digests.entries(digest.id())) && digest.introduction().equals(properties.introduction())) {
            return new Generated(digest, Generated.Outcome.UNCHANGED, composed.size());
        }
        digests.replaceEntries(digest.id(), composed);
        digests.update(digest.id(), properties.introduction(), false, clock.instant());
        saveArticle(window, properties.introduction(), composed);
        return new Generated(find(digest.id()), Generated.Outcome.RECOMPOSED, composed.size());
    }

    /**
     * For the back office (issue 3): throws away an editor's changes to a draft and composes it afresh from
     * the live content and the configured introduction, as if it had just been generated.
     */
    @Transactional
    public Generated recompose(long id) {
        Digest digest = draft(id);
        List<DigestEntry> composed = compose(digest.window());
        digests.replaceEntries(id, composed);
        digests.update(id, properties.introduction(), false, clock.instant());
        saveArticle(digest.window(), properties.introduction(), composed);
        return new Generated(find(id), Generated.Outcome.RECOMPOSED, composed.size());
    }

    /** Each section's live items of the window, newest first; an item goes to the first section that claims it. */
    List<DigestEntry> compose(DigestWindow window) {
        Instant start = window.start(properties.zone());
        Instant end = window.end(properties.zone());
        Set<Long> taken = new HashSet<>();
        List<DigestEntry> entries = new ArrayList<>();
        for (DigestProperties.Section section : properties.sections()) {
            List<PublishedItem> items = new ArrayList<>();
            for (String slug : section.columns()) {
                Optional<Column> column = columns.bySlug(slug);
                if (column.isEmpty()) {
                    log.warn("Digest section {} names column '{}', which does not exist", section.title(), slug);
                    continue;
                }
                items.addAll(published.publishedBetween(column.get().id(), start, end,
                        properties.maxEntriesPerSection()));
            }
            items.stream()
                    .filter(item -> item.kind() != Kind.DIGEST)
                    .sorted((a, b) -> a.publishedAt().equals(b.publishedAt()) ? Long.compare(b.id(), a.id())
                            : b.publishedAt().compareTo(a.publishedAt()))
                    .filter(item -> taken.add(item.id()))
                    .limit(properties.maxEntriesPerSection())
                    .forEach(item -> entries.add(new DigestEntry(section.key(), item.id(), item.title(),
                            item.listSummary())));
        }
        return entries;
    }

    public Optional<Digest> findDigest(long id) {
        return digests.find(id);
    }

    public Optional<Digest> findByWindow(DigestWindow window) {
        return digests.findByWindow(window);
    }

    public List<Digest> recent(int limit) {
        return digests.recent(limit);
    }

    /** Published digests for readers and machines, newest window first, keyset-paged after (windowTo, id). */
    public List<Digest> published(java.time.LocalDate afterWindowTo, long afterId, int limit) {
        return digests.publishedAfter(afterWindowTo, afterId, limit);
    }

    public List<DigestEntry> entries(long digestId) {
        return digests.entries(digestId);
    }

    /** For the back office (issue 3): a new introduction; the draft counts as edited from then on. */
    @Transactional
    public Digest editIntroduction(long id, String introduction) {
        Digest digest = draft(id);
        String text = introduction == null ? "" : introduction.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw new IllegalArgumentException("导语不能为空，且不超过 2000 字");
        }
        digests.update(id, text, true, clock.instant());
        saveArticle(digest.window(), text, digests.entries(id));
        return find(id);
    }

    /**
     * For the back office (issue 3): the entries in their new order, some dropped, some added. An added
     * entry must name a live article; the draft counts as edited from then on.
     */
    @Transactional
    public Digest editEntries(long id, List<DigestEntry> entries) {
        Digest digest = draft(id);
        Set<String> sections = new HashSet<>();
        properties.sections().forEach(s -> sections.add(s.key()));
        for (DigestEntry entry : entries) {
            if (!sections.contains(entry.sectionKey())) {
                throw new IllegalArgumentException("未知的栏目分区: " + entry.sectionKey());
            }
            if (entry.title() == null || entry.title().isBlank() || entry.title().length() > 300
                    || entry.summary() == null || entry.summary().length() > 1000) {
                throw new IllegalArgumentException("条目标题不能为空且不超过 300 字，摘要不超过 1000 字");
            }
            if (articles.find(entry.articleId()).filter(a -> a.isLive()).isEmpty()) {
                throw new IllegalArgumentException("文章 " + entry.articleId() + " 不存在或未发布");
            }
        }
        digests.replaceEntries(id, entries);
        digests.update(id, digest.introduction(), true, clock.instant());
        saveArticle(digest.window(), digest.introduction(), entries);
        return find(id);
    }

    /**
     * The draft went into the editorial workflow: from now on generating its window again keeps it (as if an
     * editor had changed it), so the revision under review and the digest's entries cannot drift apart.
     */
    @Transactional
    public void hold(long id) {
        Digest digest = draft(id);
        if (!digest.edited()) {
            digests.update(id, digest.introduction(), true, clock.instant());
        }
    }

    /**
     * The editorial workflow put an article on the site. When it is a digest's draft, the digest is published
     * from then on (no more edits) and the newsletter mails it; the workflow has already written the article.
     * Returns the digest that went live, empty for any other article or a digest published before.
     */
    @Transactional
    public Optional<Digest> articleWentLive(long articleId) {
        Optional<Digest> draft = digests.findByArticle(articleId).filter(Digest::isDraft);
        if (draft.isEmpty() || !digests.markPublished(draft.get().id(), clock.instant())) {
            return Optional.empty();
        }
        outbox.append(DIGEST_PUBLISHED, draft.get().id(), null);
        log.info("Digest {} published through the editorial workflow", draft.get().window().title());
        return Optional.of(find(draft.get().id()));
    }

    /** The digest as readers get it: title, HTML and plain text with absolute links. */
    public Rendered render(long id) {
        Digest digest = find(id);
        List<RenderedSection> sections = sections(digests.entries(id));
        String title = digest.window().title();
        return new Rendered(digest, title, DigestRenderer.html(digest.introduction(), sections, site.baseUrl()),
                DigestRenderer.text(title, digest.introduction(), sections, site.baseUrl()),
                site.baseUrl() + SiteUrls.article(digest.articleId()));
    }

    /** The entries in their sections, grouped by province where configured (the provinces are read only then). */
    private List<RenderedSection> sections(List<DigestEntry> entries) {
        if (properties.provinceSections().isEmpty()) {
            return DigestRenderer.sections(properties, entries);
        }
        return DigestRenderer.sections(properties, entries,
                provinces.of(entries.stream().map(DigestEntry::articleId).toList()));
    }

    private Digest find(long id) {
        return digests.find(id).orElseThrow(() -> new DigestNotFoundException(id));
    }

    private Digest draft(long id) {
        Digest digest = find(id);
        if (!digest.isDraft()) {
            throw new IllegalStateException("这期一周动态已经发布，不能再修改");
        }
        return digest;
    }

    /** The digest's article as a draft: it goes live only through the editorial workflow (DigestSubmission). */
    private long saveArticle(DigestWindow window, String introduction, List<DigestEntry> entries) {
        List<RenderedSection> sections = sections(entries);
        List<Long> columnIds = properties.columns().stream()
                .map(slug -> columns.bySlug(slug).orElseThrow(
                        () -> new IllegalStateException("shegong.digest.columns 中的栏目 '" + slug + "' 不存在")))
                .map(Column::id).toList();
        ArticleInput input = ArticleInput.builder(window.title(), columnIds).externalId(window.externalId())
                .summary(DigestRenderer.summary(sections)).bodyHtml(DigestRenderer.html(introduction, sections))
                .source(site.name()).kind(Kind.DIGEST).status(ArticleStatus.DRAFT).build();
        return articles.save(input).id();
    }

    /** What generating a window did. */
    public record Generated(Digest digest, Outcome outcome, int composedEntries) {

        public enum Outcome { CREATED, RECOMPOSED, UNCHANGED, KEPT_EDITED, KEPT_PUBLISHED }
    }

    /** A digest rendered for readers. */
    public record Rendered(Digest digest, String title, String html, String text, String url) {
    }
}
