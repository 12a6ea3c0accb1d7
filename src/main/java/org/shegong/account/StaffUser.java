package org.shegong.account;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in person. Column grants are not kept here: every editorial action reads them fresh, so a
 * revoked grant takes effect at once, not at the next login.
 */
public final class StaffUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final boolean administrator;
    private final boolean enabled;
    /** When the password last changed, as read at login: a session whose stamp is no longer current ends. */
    private final java.time.Instant credentialsStamp;
    private String passwordHash;

    public StaffUser(Account account, String passwordHash, java.time.Instant credentialsStamp) {
        this.credentialsStamp = credentialsStamp;
        this.id = account.id();
        this.username = account.username();
        this.displayName = account.displayName();
        this.administrator = account.administrator();
        this.enabled = account.enabled();
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public boolean administrator() {
        return administrator;
    }

    java.time.Instant credentialsStamp() {
        return credentialsStamp;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
        if (administrator) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMINISTRATOR"));
        }
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffUser user && user.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "StaffUser[" + username + "]";
    }
}
