package org.shegong.engage;

import org.shegong.system.audit.AuditCode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.shegong.account.Role;
import org.shegong.account.Actor;
import org.shegong.system.audit.AuditLog;
import org.shegong.system.outbox.OutboxEvent;
import org.shegong.system.outbox.OutboxWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderators' side of 互动交流. A column's questions are moderated by its editors and above; site-wide
 * questions by chief editors and administrators. Every decision is audited, and publishing or taking down an
 * article's question tells the page cache through the outbox.
 */
@Service
public class ModerationService {

    static final int ANSWER_MAX = 4000;
    static final int NOTE_MAX = 500;
    private static final int QUEUE_LIMIT = 500;

    private final QuestionRepository questions;
    private final AuditLog audit;
    private final OutboxWriter outbox;
    private final Clock clock;

    ModerationService(QuestionRepository questions, AuditLog audit, OutboxWriter outbox, Clock clock) {
        this.questions = questions;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    public static boolean mayModerate(Actor actor, Question question) {
        if (actor.isSystem()) {
            return false;
        }
        if (question.columnId() != null) {
            return actor.has(Role.EDITOR, question.columnId());
        }
        return actor.administrator() || actor.grants().stream().anyMatch(g -> g.role().includes(Role.CHIEF_EDITOR));
    }

    /** The questions in a state that this actor may moderate, oldest first. */
    public List<Question> queue(Actor actor, QuestionState state) {
        return questions.inState(state, QUEUE_LIMIT).stream().filter(q -> mayModerate(actor, q)).toList();
    }

    public Optional<Question> find(Actor actor, long id) {
        return questions.find(id).filter(q -> mayModerate(actor, q));
    }

    /** Publishes the question with the answer (or replaces the answer of a published one). */
    @Transactional
    public void publish(Actor actor, long id, String rawAnswer) {
        Question question = load(actor, id);
        String answer = ReaderText.clean(rawAnswer);
        if (answer == null) {
            throw new ModerationException("请填写答复内容后再公开");
        }
        if (answer.length() > ANSWER_MAX) {
            throw new ModerationException("答复不能超过 " + ANSWER_MAX + " 字");
        }
        if (!questions.publish(question, answer, actor.userId(), actor.name(), clock.instant())) {
            throw new ModerationException("这条留言刚刚已被他人处理，请刷新后再试");
        }
        audit.append(actor, AuditCode.INTERACT_PUBLISH, question.articleId(), null, "留言 #" + id + "《" + question.title() + "》");
        changed(question);
    }

    @Transactional
    public void reject(Actor actor, long id, String rawNote) {
        Question question = load(actor, id);
        String note = ReaderText.line(rawNote);
        if (note != null && note.length() > NOTE_MAX) {
            throw new ModerationException("说明不能超过 " + NOTE_MAX + " 字");
        }
        if (!questions.reject(question, note)) {
            throw new ModerationException("这条留言刚刚已被他人处理，请刷新后再试");
        }
        audit.append(actor, AuditCode.INTERACT_REJECT, question.articleId(), null,
                "留言 #" + id + "《" + question.title() + "》" + (note == null ? "" : "：" + note));
        if (question.state() == QuestionState.PUBLISHED) {
            changed(question);
        }
    }

    private Question load(Actor actor, long id) {
        return find(actor, id).orElseThrow(() -> new ModerationException.NotFound("没有找到这条留言，或您无权处理"));
    }

    private void changed(Question question) {
        if (question.articleId() != null) {
            outbox.append(OutboxEvent.DISCUSSION_CHANGED, question.articleId(), null);
        }
    }
}
