package no.skymarked.auth;

import java.util.Optional;

/** Marketplace roles, granted as Maskinporten-style scopes {@code skymarked:<role>}. */
public enum Role {
    BUYER, SUPPLIER, EDITOR, AUDITOR;

    public static final String SCOPE_PREFIX = "skymarked:";

    public String scope() {
        return SCOPE_PREFIX + name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Role> ofScope(String scope) {
        for (Role role : values()) {
            if (role.scope().equals(scope)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
