package org.shegong.account;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads back-office users from the database (also keeps Spring Boot from inventing a default user). */
@Service
public class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    public AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public StaffUser loadUserByUsername(String username) {
        Account account = accounts.findByUsername(AccountService.normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("用户名或密码错误"));
        return new StaffUser(account, accounts.passwordHash(account.id()).orElseThrow(),
                accounts.passwordChangedAt(account.id()).orElse(null));
    }
}
