package org.shegong.engage;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import org.shegong.content.BodyHtml;
import org.shegong.system.SiteProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** The verification mail an organisation gets after registering (spring.mail.* as for the newsletter). */
@Component
class OrganisationMails {

    static final String VERIFY_PATH = "/org/verify/";

    private final ObjectProvider<JavaMailSender> sender;
    private final SiteProperties site;

    OrganisationMails(ObjectProvider<JavaMailSender> sender, SiteProperties site) {
        this.sender = sender;
        this.site = site;
    }

    boolean available() {
        return sender.getIfAvailable() != null;
    }

    /** Sends the link; false when no mail server is configured or it refused the mail. */
    boolean sendVerification(Organisation organisation, String token) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return false;
        }
        String link = site.baseUrl() + VERIFY_PATH + token;
        String title = "请验证" + site.name() + "投稿账户的邮箱";
        String text = organisation.contactPerson() + "，您好！\n\n" + organisation.name() + "在" + site.name()
                + "注册了投稿账户。请打开下面的链接验证邮箱，验证后即可登录投稿：\n\n" + link
                + "\n\n如果不是您本人的操作，请忽略这封邮件。\n";
        String html = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + BodyHtml.escape(title)
                + "</title></head><body><p>" + BodyHtml.escape(organisation.contactPerson()) + "，您好！</p><p>"
                + BodyHtml.escape(organisation.name()) + "在" + BodyHtml.escape(site.name())
                + "注册了投稿账户。请点击下面的链接验证邮箱，验证后即可登录投稿：</p><p><a href=\"" + BodyHtml.escape(link)
                + "\">验证邮箱</a></p><p>如果不是您本人的操作，请忽略这封邮件。</p></body></html>\n";
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom("noreply@" + host(), site.name());
            helper.setTo(organisation.email());
            helper.setSubject(title);
            helper.setText(text, html);
            mail.send(message);
            return true;
        } catch (MessagingException | MailException | UnsupportedEncodingException e) {
            org.slf4j.LoggerFactory.getLogger(OrganisationMails.class).warn("Verification mail not sent: {}", e.toString());
            return false;
        }
    }

    private String host() {
        String host = URI.create(site.baseUrl()).getHost();
        return host == null ? "localhost" : host;
    }
}
