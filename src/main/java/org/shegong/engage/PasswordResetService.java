package org.shegong.engage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.shegong.account.PasswordRules;
import org.shegong.system.LinkTokens;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * An organisation that forgot its password gets a link at its verified email; the link works for an hour and
 * once. The request form answers the same whatever was typed, so it does not tell which emails are registered,
 * and an account gets at most one mail per ten minutes, so the form cannot be used to flood a mailbox.
 */
@Service
public class PasswordResetService {

    static final Duration VALID_FOR = Duration.ofHours(1);
    static final Duration MAIL_INTERVAL = Duration.ofMinutes(10);

    private final OrganisationRepository organisations;
    private final OrganisationMails mails;
    private final PasswordEncoder encoder;
    private final Clock clock;

    PasswordResetService(OrganisationRepository organisations, OrganisationMails mails, PasswordEncoder encoder,
                         Clock clock) {
        this.organisations = organisations;
        this.mails = mails;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Mails a link when the email belongs to a verified, enabled account and none was sent in the last minutes. */
    public void request(String rawEmail) {
        String email = ReaderText.contact(rawEmail);
        Optional<Organisation> found = email == null ? Optional.empty() : organisations.byEmail(email);
        if (found.isEmpty() || !found.get().enabled() || !found.get().verified()) {
            return;
        }
        Instant now = clock.instant();
        String token = LinkTokens.random();
        if (organisations.newResetToken(found.get().id(), LinkTokens.hash(token), now, now.minus(MAIL_INTERVAL))) {
            mails.sendPasswordReset(found.get(), token);
        }
    }

    /** Whether the link is one that still works (the page with the form is only shown for those). */
    public boolean valid(String token) {
        return holder(token).isPresent();
    }

    /** Sets the new password; empty when done, else the problem (an unknown or used link is a 404 for the caller). */
    public Optional<String> reset(String token, String password) {
        Organisation organisation = holder(token).orElseThrow(InvalidLink::new);
        Optional<String> problem = PasswordRules.problem(organisation.email(), password == null ? "" : password);
        if (problem.isPresent()) {
            return problem;
        }
        if (!organisations.resetPassword(organisation.id(), LinkTokens.hash(token), encoder.encode(password))) {
            throw new InvalidLink();
        }
        return Optional.empty();
    }

    private Optional<Organisation> holder(String token) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return organisations.byResetToken(LinkTokens.hash(token), clock.instant().minus(VALID_FOR))
                .filter(Organisation::enabled);
    }

    /** The link is unknown, used or expired. */
    public static class InvalidLink extends org.shegong.system.web.NotFoundException {
        InvalidLink() {
            super("重设密码的链接无效、已使用或已过期，请重新申请");
        }
    }
}
