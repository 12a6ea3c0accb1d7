package org.shegong.digest.newsletter;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import org.shegong.content.BodyHtml;
import org.shegong.digest.DigestService;
import org.shegong.system.SiteProperties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Builds the newsletter's mails: HTML with a plain-text alternative, and the unsubscribe headers. */
@Component
class NewsletterMails {

    static final String CONFIRM_PATH = "/newsletter/confirm/";
    static final String UNSUBSCRIBE_PATH = "/newsletter/unsubscribe/";

    private final SiteProperties site;
    private final String from;
    private final String validity;

    NewsletterMails(SiteProperties site, NewsletterProperties properties) {
        this.site = site;
        this.from = properties.from() != null && !properties.from().isBlank() ? properties.from()
                : "noreply@" + hostOf(site.baseUrl());
        long hours = properties.confirmationValidity().toHours();
        this.validity = hours % 24 == 0 ? hours / 24 + " 天" : hours + " 小时";
    }

    MimeMessage digest(JavaMailSender sender, DigestService.Rendered digest, String to, String unsubscribeToken)
            throws MessagingException {
        String unsubscribe = site.baseUrl() + UNSUBSCRIBE_PATH + unsubscribeToken;
        String footerText = "您收到这封邮件，是因为您订阅了" + site.name() + "的“社会工作一周动态”。";
        String text = digest.text() + "\n在网站上阅读: " + digest.url() + "\n\n--\n" + footerText + "\n退订: "
                + unsubscribe + "\n";
        String html = page(digest.title(), "<h1>" + BodyHtml.escape(digest.title()) + "</h1>\n" + digest.html()
                + "<p><a href=\"" + BodyHtml.escape(digest.url()) + "\">在网站上阅读</a></p>\n<hr>\n<p>"
                + BodyHtml.escape(footerText) + " <a href=\"" + BodyHtml.escape(unsubscribe) + "\">退订</a></p>\n");
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        setFrom(helper);
        helper.setTo(to);
        helper.setSubject(digest.title() + " - " + site.name());
        helper.setText(text, html);
        // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to the link.
        message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("List-Id", site.name() + " 社会工作一周动态 <weekly." + hostOf(site.baseUrl()) + ">");
        return message;
    }

    MimeMessage confirmation(JavaMailSender sender, String to, String token) throws MessagingException {
        String link = site.baseUrl() + CONFIRM_PATH + token;
        String title = "请确认订阅" + site.name() + "“社会工作一周动态”";
        String text = "您好！\n\n有人（希望是您）用这个邮箱地址订阅了" + site.name() + "的“社会工作一周动态”。"
                + "请打开下面的链接确认订阅（" + validity + "内有效）：\n\n" + link + "\n\n如果不是您本人的操作，请忽略这封邮件，"
                + "您不会再收到我们的邮件。\n";
        String html = page(title, "<p>您好！</p>\n<p>有人（希望是您）用这个邮箱地址订阅了" + BodyHtml.escape(site.name())
                + "的“社会工作一周动态”。请点击下面的链接确认订阅（" + validity + "内有效）：</p>\n<p><a href=\""
                + BodyHtml.escape(link) + "\">确认订阅</a></p>\n<p>如果不是您本人的操作，请忽略这封邮件，您不会再收到我们的邮件。</p>\n");
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        setFrom(helper);
        helper.setTo(to);
        helper.setSubject(title);
        helper.setText(text, html);
        return message;
    }

    private void setFrom(MimeMessageHelper helper) throws MessagingException {
        try {
            helper.setFrom(from, site.name());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 unavailable", e);
        }
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>" + BodyHtml.escape(title)
                + "</title>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    private static String hostOf(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        return host == null ? "localhost" : host;
    }
}
