package org.shegong.topic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.shegong.content.PublishedItem;
import org.shegong.content.PublishedRepository;
import org.shegong.search.SearchEngine;
import org.shegong.search.SearchHit;
import org.shegong.search.SearchQuery;
import org.shegong.system.web.ChromeFactory;
import org.shegong.system.web.NotFoundException;
import org.shegong.system.web.SiteUrls;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public 专题 page, /topic/{slug}. Query-based items are read at render time and never repeat curated ones. */
@Controller
class TopicController {

    static final int FOUND_LIMIT = 20;

    private final ChromeFactory chrome;
    private final TopicRepository topics;
    private final PublishedRepository published;
    private final SearchEngine search;

    TopicController(ChromeFactory chrome, TopicRepository topics, PublishedRepository published, SearchEngine search) {
        this.chrome = chrome;
        this.topics = topics;
        this.published = published;
        this.search = search;
    }

    @GetMapping("/topic/{slug}")
    String topic(@PathVariable String slug, Model model) {
        Topic topic = topics.bySlug(slug).filter(Topic::visible)
                .orElseThrow(() -> new NotFoundException("没有找到这个专题"));
        List<PublishedItem> curated = published.liveInOrder(topics.items(topic.id()));
        Set<Long> seen = new LinkedHashSet<>();
        curated.forEach(item -> seen.add(item.id()));
        List<Long> foundIds = new ArrayList<>();
        if (topic.queryTag() != null) {
            published.latestTagged(topic.queryTag(), FOUND_LIMIT).forEach(item -> foundIds.add(item.id()));
        }
        if (topic.queryKeyword() != null) {
            search.search(SearchQuery.reader(topic.queryKeyword(), null, null, null, null, SearchQuery.Sort.NEWEST, 1))
                    .hits().stream().map(SearchHit::articleId).forEach(foundIds::add);
        }
        List<Long> fresh = foundIds.stream().filter(seen::add).limit(FOUND_LIMIT).toList();
        List<PublishedItem> found = published.liveInOrder(fresh).stream()
                .sorted(java.util.Comparator.comparing(PublishedItem::publishedAt).reversed()).toList();
        var pageChrome = chrome.chrome(null);
        model.addAttribute("view", new TopicView(pageChrome, topic, curated, found,
                pageChrome.baseUrl() + SiteUrls.topic(topic.slug())));
        return "site/topic";
    }
}
