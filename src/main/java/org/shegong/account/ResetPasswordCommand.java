package org.shegong.account;

import java.io.PrintStream;
import java.util.List;
import org.shegong.system.cli.CliCommand;
import org.springframework.stereotype.Component;

/** {@code java -jar shegong.jar reset-password USERNAME}: a new random password, printed once, login delays lifted. */
@Component
class ResetPasswordCommand implements CliCommand {

    private final AccountService accounts;

    ResetPasswordCommand(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "reset-password";
    }

    @Override
    public String usage() {
        return "reset-password USERNAME   为账户生成新的随机密码（只显示一次）并解除登录限制";
    }

    @Override
    public int run(List<String> rawArguments) {
        PrintStream out = System.out;
        // Spring settings (--name=value) travel on the same command line; they are not ours.
        List<String> arguments = rawArguments.stream().filter(a -> !a.startsWith("--")).toList();
        if (arguments.size() != 1 || arguments.get(0).isBlank()) {
            System.err.println("用法: java -jar shegong.jar " + usage());
            return 64;
        }
        String username = arguments.get(0).strip();
        try {
            String password = accounts.resetPassword(username);
            out.println("账户 " + username + " 的新密码（只显示这一次，登录后请立即修改）:");
            out.println(password);
            return 0;
        } catch (AccountException e) {
            System.err.println(e.getMessage());
            return 67;
        }
    }
}
