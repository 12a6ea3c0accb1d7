package org.shegong.digest.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shegong.column.ColumnService;
import org.shegong.content.ArticleInput;
import org.shegong.content.ArticleService;
import org.shegong.content.ArticleStatus;
import org.shegong.content.Kind;
import org.shegong.digest.Digest;
import org.shegong.digest.DigestService;
import org.shegong.digest.DigestWindow;
import org.shegong.system.MutableClock;
import org.shegong.system.outbox.OutboxRelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Subscribing, confirming, mailing a published digest and resuming after a crash, against a real SMTP server. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:newsletter;DB_CLOSE_DELAY=-1",
        "shegong.demo-content=false", "shegong.site.base-url=https://www.example.org.cn",
        "shegong.newsletter.send-interval=1h", "shegong.newsletter.subscribes-per-ip-per-hour=1000",
        "shegong.digest.enabled=false"})
@AutoConfigureMockMvc
class NewsletterMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    DigestService digests;
    @Autowired
    ArticleService articles;
    @Autowired
    ColumnService columns;
    @Autowired
    OutboxRelay relay;
    @Autowired
    SendLogRepository sendLog;
    @Autowired
    NewsletterMails mails;
    @Autowired
    NewsletterService newsletter;
    @Autowired
    JavaMailSender mailSender;
    @Autowired
    ObjectProvider<JavaMailSender> mailSenders;

    static int window;

    @BeforeEach
    void clean() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        jdbc.sql("DELETE FROM newsletter_send").update();
        jdbc.sql("DELETE FROM newsletter_subscriber").update();
    }

    @Test
    void doubleOptInThroughTheSiteThenOneClickUnsubscribe() throws Exception {
        mvc.perform(get("/newsletter")).andExpect(status().isOk());
        String page = mvc.perform(post("/newsletter").param("email", "  Reader@Example.ORG ").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("请查收确认邮件");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
        assertThat(received[0].getSubject()).contains("请确认订阅");
        String link = link(received[0], "/newsletter/confirm/");

        // Opening the link only shows a button (mail scanners follow links); the POST confirms.
        mvc.perform(get(link)).andExpect(status().isOk());
        assertThat(subscriberStatus("reader@example.org")).isEqualTo("PENDING");
        mvc.perform(post(link).with(csrf())).andExpect(status().isOk());
        assertThat(subscriberStatus("reader@example.org")).isEqualTo("CONFIRMED");
        mvc.perform(post(link).with(csrf())).andExpect(status().isNotFound());

        String token = jdbc.sql("SELECT unsubscribe_token FROM newsletter_subscriber").query(String.class).single();
        mvc.perform(get("/newsletter/unsubscribe/" + token)).andExpect(status().isOk());
        // RFC 8058: the mail client posts without a session or CSRF token.
        mvc.perform(post("/newsletter/unsubscribe/" + token).param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isOk());
        assertThat(subscriberStatus("reader@example.org")).isEqualTo("UNSUBSCRIBED");
        mvc.perform(get("/newsletter/unsubscribe/not-a-token")).andExpect(status().isNotFound());
    }

    @Test
    void badAddressesAndMissingCsrfAreRefusedAndNothingIsSent() throws Exception {
        for (String bad : new String[] {"", "not-an-address", "a@b", "a@@example.org", "a b@example.org",
                "x@example.org\r\nBcc: victim@example.org", "a@example.org, b@example.org", "x".repeat(250) + "@e.org"}) {
            String page = mvc.perform(post("/newsletter").param("email", bad).with(csrf()))
                    .andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("请输入有效的电子邮箱地址");
        }
        mvc.perform(post("/newsletter").with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/newsletter").param("email", "reader@example.org")).andExpect(status().isForbidden());
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void theFormCannotFloodAStrangersMailbox() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(subscriptions.subscribe("stranger@example.org", "203.0.113." + i))
                    .isEqualTo(SubscriptionService.Outcome.ACCEPTED);
        }
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        // Confirmed addresses get nothing more, and the answer does not tell whether the address subscribes.
        jdbc.sql("UPDATE newsletter_subscriber SET status = 'CONFIRMED'").update();
        jdbc.sql("UPDATE newsletter_subscriber SET confirm_sent_at = ?").param(java.time.LocalDateTime.of(2000, 1, 1, 0, 0))
                .update();
        assertThat(subscriptions.subscribe("stranger@example.org", "203.0.113.99"))
                .isEqualTo(SubscriptionService.Outcome.ACCEPTED);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void onePerMailboxPerIntervalAndAFewPerDayWithAMovingClock() {
        MutableClock clock = new MutableClock(Instant.parse("2021-08-30T00:00:00Z"));
        SubscriptionService service = new SubscriptionService(new SubscriberRepository(jdbc), mails, mailSenders,
                new NewsletterProperties(null, 3, 3, Duration.ofMinutes(10), null, null, null, null), clock);
        for (int i = 0; i < 12; i++) {
            service.subscribe("target@example.org", "198.51.100.1" + (i % 3));
            clock.advance(Duration.ofMinutes(5));
        }
        // 60 minutes of requests every 5 minutes: one mail per 10 minutes, at most 3 a day.
        assertThat(smtp.getReceivedMessages()).hasSize(3);
        clock.advance(Duration.ofDays(1));
        service.subscribe("target@example.org", "198.51.100.50");
        assertThat(smtp.getReceivedMessages()).hasSize(4);
        // Per IP address: three requests an hour, then 429.
        assertThat(service.subscribe("other@example.org", "198.51.100.50")).isEqualTo(SubscriptionService.Outcome.ACCEPTED);
        assertThat(service.subscribe("third@example.org", "198.51.100.50")).isEqualTo(SubscriptionService.Outcome.ACCEPTED);
        assertThat(service.subscribe("fourth@example.org", "198.51.100.50"))
                .isEqualTo(SubscriptionService.Outcome.TOO_MANY_REQUESTS);
    }

    @Test
    void aPublishedDigestIsMailedOnceToEachConfirmedSubscriberAsHtmlAndText() throws Exception {
        List<String> readers = subscribe(3);
        subscriptions.subscribe("unconfirmed@example.org", "192.0.2.1");
        smtp.purgeEmailFromAllMailboxes();
        Digest digest = publishDigest();
        relay.drain();
        assertThat(sendLog.counts(digest.id())).containsEntry("PENDING", 3L);

        NewsletterSender sender = sender(new MutableClock(Instant.now()));
        assertThat(sender.sendPending(mailSender)).isEqualTo(3);
        assertThat(sender.sendPending(mailSender)).isZero();
        relay.drain();
        assertThat(sendLog.enqueue(digest.id(), Instant.now())).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrderElementsOf(readers);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).startsWith("社会工作一周动态 (");
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).matches("<https://www\\.example\\.org\\.cn/newsletter/unsubscribe/[A-Za-z0-9_-]{43}>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        List<String> types = new ArrayList<>();
        collectTypes(mail.getContent(), types);
        assertThat(types).anyMatch(t -> t.startsWith("text/plain")).anyMatch(t -> t.startsWith("text/html"))
                .anyMatch(t -> t.startsWith("multipart/alternative"));
        assertThat(text(mail, "text/plain")).contains("社会工作一周动态 (", "【行业动态】", "退订: https://www.example.org.cn/newsletter/unsubscribe/");
        assertThat(text(mail, "text/html")).contains("<h2>行业动态</h2>", "<a href=\"https://www.example.org.cn/newsletter/unsubscribe/");
        assertThat(newsletter.progress(digest.id())).containsEntry("SENT", 3L);
        assertThat(newsletter.failures(digest.id())).isEmpty();
    }

    @Test
    void aCrashInTheMiddleNeitherLosesNorRepeatsAMail() throws Exception {
        List<String> readers = subscribe(5);
        smtp.purgeEmailFromAllMailboxes();
        Digest digest = publishDigest();
        relay.drain();
        MutableClock clock = new MutableClock(Instant.now());
        NewsletterSender sender = sender(clock);

        // The process dies while sending the third mail: two went out, the third is claimed but not sent.
        assertThatThrownBy(() -> sender.sendPending(crashingAfter(2))).hasMessageContaining("simulated crash");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(sendLog.counts(digest.id())).containsEntry("SENT", 2L).containsEntry("SENDING", 1L)
                .containsEntry("PENDING", 2L);

        // A restart right away sends the untouched rows; the claimed one waits until its claim is stale.
        assertThat(sender.sendPending(mailSender)).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).hasSize(4);
        clock.advance(Duration.ofMinutes(16));
        assertThat(sender.sendPending(mailSender)).isEqualTo(1);
        assertThat(sender.sendPending(mailSender)).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrderElementsOf(readers);
        assertThat(sendLog.counts(digest.id())).isEqualTo(Map.of("SENT", 5L));
    }

    @Test
    void smtpFailuresAreRetriedThenRecordedAndQueryable() throws Exception {
        subscribe(2);
        Digest digest = publishDigest();
        relay.drain();
        NewsletterSender sender = sender(new MutableClock(Instant.now()));
        JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
        unreachable.setHost("127.0.0.1");
        unreachable.setPort(1);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(sender.sendPending(unreachable)).isZero();
        }
        assertThat(newsletter.progress(digest.id())).isEqualTo(Map.of("FAILED", 2L));
        assertThat(newsletter.failures(digest.id())).hasSize(2).allSatisfy(f -> {
            assertThat(f.attempts()).isEqualTo(3);
            assertThat(f.status()).isEqualTo("FAILED");
            assertThat(f.lastError()).isNotBlank();
        });
    }

    private NewsletterSender sender(MutableClock clock) {
        return new NewsletterSender(sendLog, digests, mails, mailSenders, NewsletterProperties.defaults(), clock);
    }

    /** A real SMTP sender that, like a killed process, stops for good when the (n+1)th mail is due. */
    private JavaMailSender crashingAfter(int n) {
        JavaMailSenderImpl real = (JavaMailSenderImpl) mailSender;
        JavaMailSenderImpl crashing = new JavaMailSenderImpl() {
            int sent;

            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) {
                if (sent++ == n) {
                    throw new IllegalStateException("simulated crash");
                }
                super.doSend(messages, originals);
            }
        };
        crashing.setHost(real.getHost());
        crashing.setPort(real.getPort());
        return crashing;
    }

    private List<String> subscribe(int count) throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "reader" + i + "@example.org";
            addresses.add(email);
            subscriptions.subscribe(email, "192.0.2.1");
        }
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String link = link(message, "/newsletter/confirm/");
            assertThat(subscriptions.confirm(link.substring(link.lastIndexOf('/') + 1))).isPresent();
        }
        smtp.purgeEmailFromAllMailboxes();
        return addresses;
    }

    private Digest publishDigest() {
        LocalDate from = LocalDate.of(2020, 1, 6).plusWeeks(window++);
        DigestWindow week = new DigestWindow(from, from.plusDays(6));
        articles.save(new ArticleInput("nl-" + from, "本周的行业新闻 " + from, null, "摘要", "<p>正文</p>", null, null,
                null, Kind.NEWS, false, List.of(columns.bySlug("news").orElseThrow().id()), List.of(), null,
                week.start(java.time.ZoneId.of("Asia/Shanghai")).plusSeconds(3600), ArticleStatus.LIVE));
        Digest draft = digests.generate(week).digest();
        try {
            // A draft is not public; once published it is an ordinary article page.
            mvc.perform(get("/article/" + draft.articleId())).andExpect(status().isNotFound());
            Digest published = org.shegong.digest.DigestPublishing.publish(context, draft.id());
            String page = mvc.perform(get("/article/" + draft.articleId())).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains(week.title(), "<h2>行业动态</h2>", "本周的行业新闻 " + from);
            return published;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String subscriberStatus(String email) {
        return jdbc.sql("SELECT status FROM newsletter_subscriber WHERE email = ?").param(email).query(String.class)
                .single();
    }

    private static String link(Message message, String path) {
        Matcher m = Pattern.compile("https://www\\.example\\.org\\.cn(" + Pattern.quote(path) + "[A-Za-z0-9_-]+)")
                .matcher(text(message, "text/plain"));
        assertThat(m.find()).as("a link to " + path).isTrue();
        return m.group(1);
    }

    /** The decoded content of the first part of the given type. */
    private static String text(jakarta.mail.Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof MimeMultipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = text(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collectTypes(Object content, List<String> types) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            types.add(multipart.getContentType().toLowerCase());
            for (int i = 0; i < multipart.getCount(); i++) {
                types.add(multipart.getBodyPart(i).getContentType().toLowerCase());
                collectTypes(multipart.getBodyPart(i).getContent(), types);
            }
        }
    }
}
