package org.shegong.engage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shegong.account.PasswordRules;
import org.shegong.system.LinkTokens;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Member organisations' accounts: registration with a mailed verification link, and the public-side login, with
 * failed attempts counted on the row (so every node locks the same way).
 */
@Service
public class OrganisationService {

    static final int REGISTRATIONS_PER_ADDRESS_PER_HOUR = 3;
    static final int LOCK_AFTER = 5;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);
    static final Duration RESEND_AFTER = Duration.ofMinutes(10);

    public record Registration(String name, String contactPerson, String email, String phone, String password) {
    }

    public sealed interface LoginResult {
        record Success(Organisation organisation) implements LoginResult { }
        record Refused(String reason) implements LoginResult { }
    }

    private final OrganisationRepository organisations;
    private final OrganisationMails mails;
    private final PasswordEncoder encoder;
    private final Clock clock;
    /** Checked against for unknown emails too, so the response time does not tell which ones are registered. */
    private volatile String dummyHash;

    OrganisationService(OrganisationRepository organisations, OrganisationMails mails, PasswordEncoder encoder,
                        Clock clock) {
        this.organisations = organisations;
        this.mails = mails;
        this.encoder = encoder;
        this.clock = clock;
    }

    public boolean mailAvailable() {
        return mails.available();
    }

    public Optional<Organisation> find(long id) {
        return organisations.find(id).filter(Organisation::enabled);
    }

    /** Registers and mails the verification link; returns the problems, empty when the mail went out. */
    public List<String> register(Registration form, String address) {
        List<String> errors = new ArrayList<>();
        String name = ReaderText.line(form.name());
        String contact = ReaderText.line(form.contactPerson());
        String email = ReaderText.contact(form.email());
        String phone = ReaderText.contact(form.phone());
        if (name == null || name.length() < 2 || name.length() > 60) {
            errors.add("请填写单位名称（2 至 60 字）");
        }
        if (contact == null || contact.length() > 30) {
            errors.add("请填写联系人姓名（不超过 30 字）");
        }
        if (email == null || !email.contains("@")) {
            errors.add("请填写有效的电子邮箱，用于验证和接收审核结果");
        }
        if (phone == null || phone.contains("@")) {
            errors.add("请填写有效的联系电话（手机或固定电话）");
        }
        PasswordRules.problem(email == null ? "" : email, form.password() == null ? "" : form.password())
                .ifPresent(errors::add);
        if (!errors.isEmpty()) {
            return errors;
        }
        if (!mails.available()) {
            return List.of("网站尚未配置邮件服务，暂不能注册投稿账户，请联系网站管理员");
        }
        Instant now = clock.instant();
        String from = address == null ? "unknown" : address;
        if (organisations.registeredFromAddressSince(from, now.minus(Duration.ofHours(1)))
                >= REGISTRATIONS_PER_ADDRESS_PER_HOUR) {
            return List.of("注册过于频繁，请一小时后再试");
        }
        String token = LinkTokens.random();
        long id;
        try {
            id = organisations.insert(name, contact, email, phone, encoder.encode(form.password()),
                    LinkTokens.hash(token), from, now);
        } catch (DuplicateKeyException e) {
            return List.of("这个邮箱已注册投稿账户，请直接登录");
        }
        if (!mails.sendVerification(organisations.find(id).orElseThrow(), token)) {
            return List.of("账户已创建，但验证邮件未能发出；请稍后用该邮箱登录，系统会重新发送验证邮件");
        }
        return List.of();
    }

    public boolean verify(String token) {
        return LinkTokens.wellFormed(token) && organisations.verify(LinkTokens.hash(token), clock.instant());
    }

    public LoginResult login(String rawEmail, String password) {
        String email = ReaderText.contact(rawEmail);
        Optional<Organisation> found = email == null ? Optional.empty() : organisations.byEmail(email);
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().enabled()) {
            encoder.matches(password == null ? "" : password, dummyHash());
            return new LoginResult.Refused("邮箱或密码不正确");
        }
        Organisation organisation = found.get();
        if (organisation.lockedUntil() != null && now.isBefore(organisation.lockedUntil())) {
            return new LoginResult.Refused("登录失败次数过多，账户已被暂时锁定，请 15 分钟后再试");
        }
        if (password == null || !encoder.matches(password, organisation.passwordHash())) {
            boolean lock = organisation.failedLogins() + 1 >= LOCK_AFTER;
            organisations.loginFailed(organisation.id(), lock ? now.plus(LOCK_FOR) : null);
            return new LoginResult.Refused(lock ? "登录失败次数过多，账户已被暂时锁定，请 15 分钟后再试" : "邮箱或密码不正确");
        }
        organisations.loginSucceeded(organisation.id());
        if (!organisation.verified()) {
            if (organisation.verifySentAt() == null || now.isAfter(organisation.verifySentAt().plus(RESEND_AFTER))) {
                String token = LinkTokens.random();
                organisations.newToken(organisation.id(), LinkTokens.hash(token), now);
                mails.sendVerification(organisation, token);
            }
            return new LoginResult.Refused("邮箱尚未验证：请点击验证邮件中的链接后再登录（未收到的，10 分钟后再次登录会重发）");
        }
        return new LoginResult.Success(organisation);
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = encoder.encode(LinkTokens.random());
            dummyHash = hash;
        }
        return hash;
    }
}
