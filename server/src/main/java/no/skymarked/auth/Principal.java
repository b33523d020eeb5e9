package no.skymarked.auth;

import java.util.Set;

/** Who is calling: an organisation (from {@code consumer.ID}) with roles (from {@code scope}), or nobody. */
public record Principal(String orgNo, Set<Role> roles, String clientId) {
    public static final Principal ANONYMOUS = new Principal(null, Set.of(), null);

    public Principal {
        roles = Set.copyOf(roles);
    }

    public boolean authenticated() {
        return orgNo != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Acting with {@code role} for organisation {@code orgNo}. */
    public boolean actsFor(Role role, String orgNo) {
        return has(role) && orgNo != null && orgNo.equals(this.orgNo);
    }
}
