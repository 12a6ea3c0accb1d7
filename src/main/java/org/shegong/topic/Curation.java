package org.shegong.topic;

import org.shegong.system.audit.AuditCode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.shegong.account.Role;
import org.shegong.account.Actor;
import org.shegong.system.audit.AuditLog;
import org.shegong.content.Article;
import org.shegong.content.ArticleService;
import org.shegong.system.outbox.OutboxEvent;
import org.shegong.system.outbox.OutboxWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors' changes to the home page's slots and to 专题. Both act on the whole site, like publishing, so they are
 * for chief editors (终审, in any column) and administrators; only live articles can be placed. Every change is
 * audited, and a slot change tells the page cache through the outbox that the home page is stale.
 */
@Service
public class Curation {

    private final TopicRepository repository;
    private final ArticleService articles;
    private final AuditLog audit;
    private final OutboxWriter outbox;
    private final Clock clock;

    Curation(TopicRepository repository, ArticleService articles, AuditLog audit, OutboxWriter outbox, Clock clock) {
        this.repository = repository;
        this.articles = articles;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    public static boolean mayCurate(Actor actor) {
        return !actor.isSystem() && (actor.administrator()
                || actor.grants().stream().anyMatch(g -> g.role().includes(Role.CHIEF_EDITOR)));
    }

    // --- slots

    public List<SlotEntry> slot(Slot slot) {
        return repository.slot(slot);
    }

    @Transactional
    public void addToSlot(Actor actor, Slot slot, String rawArticleId, String rawImageUrl, String rawCaption) {
        require(actor);
        Article article = liveArticle(rawArticleId);
        String imageUrl = ImageUrls.check(rawImageUrl);
        if (slot == Slot.PHOTO && imageUrl == null && article.fields().thumbnailSource() == null) {
            throw new TopicException("图片新闻须填写图片地址（或先为文章设置封面图片）");
        }
        String caption = rawCaption == null || rawCaption.isBlank() ? null : rawCaption.strip();
        if (caption != null && caption.length() > 100) {
            throw new TopicException("图片说明不能超过 100 字");
        }
        List<SlotEntry> entries = repository.slot(slot);
        if (entries.stream().anyMatch(e -> e.articleId() == article.id())) {
            throw new TopicException("这篇文章已在“" + slot.label() + "”中");
        }
        if (entries.size() >= slot.capacity()) {
            throw new TopicException("“" + slot.label() + "”最多放 " + slot.capacity() + " 篇，请先移除一篇");
        }
        repository.addToSlot(slot, article.id(), entries.isEmpty() ? 0 : entries.get(entries.size() - 1).position() + 1,
                imageUrl, caption, clock.instant());
        audit.append(actor, AuditCode.SLOT_ADD, article.id(), null, slot.label() + "：《" + article.title() + "》");
        outbox.append(OutboxEvent.HOME_SLOTS_CHANGED, 0, slot.name());
    }

    @Transactional
    public void removeFromSlot(Actor actor, Slot slot, long entryId) {
        require(actor);
        SlotEntry entry = repository.slot(slot).stream().filter(e -> e.id() == entryId).findFirst()
                .orElseThrow(() -> new TopicException("这一项已不在“" + slot.label() + "”中"));
        repository.removeFromSlot(slot, entryId);
        audit.append(actor, AuditCode.SLOT_REMOVE, entry.articleId(), null, slot.label());
        outbox.append(OutboxEvent.HOME_SLOTS_CHANGED, 0, slot.name());
    }

    /** Moves an entry one place up (towards the top of the block). */
    @Transactional
    public void moveUp(Actor actor, Slot slot, long entryId) {
        require(actor);
        List<SlotEntry> entries = new ArrayList<>(repository.slot(slot));
        int index = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id() == entryId) {
                index = i;
            }
        }
        if (index < 0) {
            throw new TopicException("这一项已不在“" + slot.label() + "”中");
        }
        if (index == 0) {
            return;
        }
        entries.add(index - 1, entries.remove(index));
        for (int i = 0; i < entries.size(); i++) {
            repository.positionSlotEntry(entries.get(i).id(), i);
        }
        audit.append(actor, AuditCode.SLOT_ORDER, entries.get(index - 1).articleId(), null, slot.label() + "：上移");
        outbox.append(OutboxEvent.HOME_SLOTS_CHANGED, 0, slot.name());
    }

    // --- topics

    public List<Topic> topics() {
        return repository.topics();
    }

    public java.util.Optional<Topic> topic(long id) {
        return repository.find(id);
    }

    public List<Long> curatedItems(long topicId) {
        return repository.items(topicId);
    }

    @Transactional
    public long createTopic(Actor actor, TopicForm raw) {
        require(actor);
        TopicForm form = raw.checked();
        if (repository.bySlug(form.slug()).isPresent()) {
            throw new TopicException("地址名“" + form.slug() + "”已被其他专题使用");
        }
        long id = repository.insert(form, clock.instant());
        audit.append(actor, AuditCode.TOPIC_CREATE, null, null, "专题 #" + id + "《" + form.title() + "》");
        return id;
    }

    @Transactional
    public void updateTopic(Actor actor, long id, TopicForm raw) {
        require(actor);
        Topic topic = repository.find(id).orElseThrow(() -> new TopicException("没有找到这个专题"));
        TopicForm form = raw.checked();
        if (repository.bySlug(form.slug()).filter(other -> other.id() != id).isPresent()) {
            throw new TopicException("地址名“" + form.slug() + "”已被其他专题使用");
        }
        repository.update(topic.id(), form, clock.instant());
        audit.append(actor, AuditCode.TOPIC_EDIT, null, null, "专题 #" + id + "《" + form.title() + "》");
    }

    @Transactional
    public void addTopicItem(Actor actor, long topicId, String rawArticleId) {
        require(actor);
        Topic topic = repository.find(topicId).orElseThrow(() -> new TopicException("没有找到这个专题"));
        Article article = liveArticle(rawArticleId);
        List<Long> items = repository.items(topicId);
        if (items.contains(article.id())) {
            throw new TopicException("这篇文章已在专题中");
        }
        if (items.size() >= 200) {
            throw new TopicException("一个专题最多精选 200 篇");
        }
        repository.addItem(topicId, article.id(), items.size());
        audit.append(actor, AuditCode.TOPIC_ITEM_ADD, article.id(), null, "专题 #" + topicId + "《" + topic.title() + "》");
    }

    @Transactional
    public void removeTopicItem(Actor actor, long topicId, long articleId) {
        require(actor);
        if (repository.removeItem(topicId, articleId)) {
            audit.append(actor, AuditCode.TOPIC_ITEM_REMOVE, articleId, null, "专题 #" + topicId);
        }
    }

    private Article liveArticle(String rawId) {
        String raw = rawId == null ? "" : rawId.strip().replaceFirst("^.*/article/", "");
        if (raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new TopicException("请填写文章编号（或粘贴文章地址）");
        }
        return articles.find(Long.parseLong(raw)).filter(Article::isLive)
                .orElseThrow(() -> new TopicException("没有编号为 " + raw + " 的已发布文章"));
    }

    private static void require(Actor actor) {
        if (!mayCurate(actor)) {
            throw new TopicException.Forbidden("只有终审编辑和管理员可以管理首页版位和专题");
        }
    }
}
