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

/** The mails an organisation gets: the verification link after registering, a password reset link (spring.mail.* as for the newsletter). */
@Component
class OrganisationMails {

    static final String VERIFY_PATH = "/org/verify/";
    static final String RESET_PATH = "/org/reset/";

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
        return send(organisation, "请验证" + site.name() + "投稿账户的邮箱", organisation.name() + "在" + site.name()
                + "注册了投稿账户。请打开下面的链接验证邮箱，验证后即可登录投稿：", VERIFY_PATH + token, "验证邮箱",
                "如果不是您本人的操作，请忽略这封邮件。");
    }

    /** The password reset link (valid for an hour); false when it could not be sent. */
    boolean sendPasswordReset(Organisation organisation, String token) {
        return send(organisation, "重设" + site.name() + "投稿账户的密码", organisation.name() + "的投稿账户申请重设密码。"
                + "请在一小时内打开下面的链接设置新密码：", RESET_PATH + token, "设置新密码",
                "如果不是您本人的操作，请忽略这封邮件，原密码仍然有效。");
    }

    private boolean send(Organisation organisation, String title, String lead, String path, String label, String tail) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return false;
        }
        String link = site.baseUrl() + path;
        String text = organisation.contactPerson() + "，您好！\n\n" + lead + "\n\n" + link + "\n\n" + tail + "\n";
        String html = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + BodyHtml.escape(title)
                + "</title></head><body><p>" + BodyHtml.escape(organisation.contactPerson()) + "，您好！</p><p>"
                + BodyHtml.escape(lead) + "</p><p><a href=\"" + BodyHtml.escape(link) + "\">" + label
                + "</a></p><p>" + BodyHtml.escape(tail) + "</p></body></html>\n";
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
            org.slf4j.LoggerFactory.getLogger(OrganisationMails.class).warn("Organisation mail not sent: {}", e.toString());
            return false;
        }
    }

    private String host() {
        String host = URI.create(site.baseUrl()).getHost();
        return host == null ? "localhost" : host;
    }
}
