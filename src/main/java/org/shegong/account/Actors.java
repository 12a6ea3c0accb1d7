package org.shegong.account;

import org.shegong.system.web.Refusal;

import org.shegong.account.Account;
import org.shegong.account.AccountService;
import org.springframework.stereotype.Component;

/** Builds the actor for a logged-in user, reading the account and its grants now (not from the session). */
@Component
public class Actors {

    private final AccountService accounts;

    public Actors(AccountService accounts) {
        this.accounts = accounts;
    }

    public Actor of(long userId, String address) {
        Account account = accounts.find(userId).filter(Account::enabled)
                .orElseThrow(() -> new Refusal(Refusal.Kind.FORBIDDEN, "账户不存在或已停用"));
        return new Actor(account.id(), account.displayName() + "（" + account.username() + "）", account.administrator(),
                accounts.grants(userId), address);
    }
}
