package org.shegong.account;

import java.util.Optional;

/**
 * The minimum a chosen password must meet: long enough, not one kind of character only, not the user name, not
 * a common password ({@link CommonPasswords}).
 * Generated passwords meet it by construction.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordRules() {
    }

    /** The reason the password is too weak, in Chinese, or empty when it is acceptable. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("密码至少需要 " + MIN_LENGTH + " 个字符");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("密码不能超过 " + MAX_LENGTH + " 个字符");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        boolean other = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        if ((letter ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0) < 2) {
            return Optional.of("密码需要包含字母、数字、符号中的至少两类");
        }
        if (password.chars().distinct().count() < 5) {
            return Optional.of("密码过于简单，请避免重复字符");
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            return Optional.of("密码不能包含用户名");
        }
        if (CommonPasswords.isCommon(password)) {
            return Optional.of("这是常见密码（或只在常见密码后加了数字），很容易被猜中，请换一个");
        }
        return Optional.empty();
    }
}
