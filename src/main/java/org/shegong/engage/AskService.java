package org.shegong.engage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.shegong.editorial.sensitive.SensitiveHit;
import org.shegong.editorial.sensitive.SensitiveWords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a reader's question: checks the form, drops bot posts caught by the honeypot, applies the per-address and
 * per-contact limits (counted from the stored questions, so every node sees the same counts), notes sensitive
 * words and links for the moderator, and stores it as pending. Nothing a reader sends is public before a moderator
 * publishes it.
 */
@Service
public class AskService {

    static final int TITLE_MAX = 60;
    static final int BODY_MAX = 1000;
    static final int NAME_MAX = 30;

    public enum Outcome { ACCEPTED, INVALID, TOO_MANY }

    public record Result(Outcome outcome, List<String> errors) {
    }

    /** What the reader typed; target is resolved by the controller (article and its column, a column, or none). */
    public record Form(String name, String contact, String title, String body, String honeypot) {
    }

    private final QuestionRepository questions;
    private final SensitiveWords sensitive;
    private final InteractProperties properties;
    private final Clock clock;

    AskService(QuestionRepository questions, SensitiveWords sensitive, InteractProperties properties, Clock clock) {
        this.questions = questions;
        this.sensitive = sensitive;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Result ask(Form form, Long articleId, Long columnId, String address) {
        if (form.honeypot() != null && !form.honeypot().isEmpty()) {
            // A person never sees the field; answer as if accepted so a bot learns nothing.
            return new Result(Outcome.ACCEPTED, List.of());
        }
        List<String> errors = new ArrayList<>();
        String name = ReaderText.line(form.name());
        String contact = ReaderText.contact(form.contact());
        String title = ReaderText.line(form.title());
        String body = ReaderText.clean(form.body());
        if (name != null && name.length() > NAME_MAX) {
            errors.add("称呼不能超过 " + NAME_MAX + " 个字");
        }
        if (contact == null) {
            errors.add("请填写有效的电子邮箱或手机号码（仅工作人员可见，不会公开）");
        }
        if (title == null) {
            errors.add("请填写标题");
        } else if (title.length() > TITLE_MAX) {
            errors.add("标题不能超过 " + TITLE_MAX + " 个字");
        }
        if (body == null) {
            errors.add("请填写留言内容");
        } else if (body.length() > BODY_MAX) {
            errors.add("留言内容不能超过 " + BODY_MAX + " 个字");
        }
        if (!errors.isEmpty()) {
            return new Result(Outcome.INVALID, errors);
        }
        Instant now = clock.instant();
        String from = address == null ? "unknown" : address;
        if (questions.countFromAddressSince(from, now.minus(Duration.ofHours(1))) >= properties.perAddressPerHour()
                || questions.countFromContactSince(contact, now.minus(Duration.ofDays(1))) >= properties.perContactPerDay()) {
            return new Result(Outcome.TOO_MANY, List.of("提交过于频繁，请稍后再试"));
        }
        questions.insert(new NewQuestion(articleId, columnId, name, contact, title, body), flags(name, title, body),
                from, now);
        return new Result(Outcome.ACCEPTED, List.of());
    }

    private String flags(String name, String title, String body) {
        List<SensitiveHit> hits = new ArrayList<>();
        hits.addAll(sensitive.scanText("称呼", name));
        hits.addAll(sensitive.scanText("标题", title));
        hits.addAll(sensitive.scanText("内容", body));
        List<String> flags = new ArrayList<>();
        if (!hits.isEmpty()) {
            flags.add("敏感词：" + hits.stream().map(h -> h.field() + "“" + h.word() + "”").distinct()
                    .collect(Collectors.joining("、")));
        }
        if (ReaderText.hasLink(name) || ReaderText.hasLink(title) || ReaderText.hasLink(body)) {
            flags.add("含链接或网址");
        }
        String joined = String.join("；", flags);
        return joined.isEmpty() ? null : joined.length() > 1000 ? joined.substring(0, 999) + "…" : joined;
    }
}
