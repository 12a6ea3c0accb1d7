package org.shegong.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * There is no default password: on the first start without an administrator, one is created with a random
 * password that is printed here once and then exists only as a hash. Lost? {@code reset-password admin}.
 */
@Component
@Profile("!cli")
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountService accounts;

    FirstAdministrator(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.createFirstAdministratorIfNone().ifPresent(password -> log.warn("""

                ************************************************************
                *  首次启动：已创建管理员账户 / first administrator created   *
                *    用户名 username: {}
                *    密码   password: {}
                *  此密码只显示这一次，请立即登录 /admin 并修改密码。          *
                *  This password is shown once. Log in at /admin and change it.
                *  忘记密码: java -jar shegong.jar reset-password {}
                ************************************************************""",
                AccountService.FIRST_ADMINISTRATOR, password, AccountService.FIRST_ADMINISTRATOR));
    }
}
