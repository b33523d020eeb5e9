package no.skymarked.auth;

import java.util.Set;

/**
 * Who is calling: an organisation (from {@code consumer.ID}) with roles (from {@code scope}), the client (from
 * {@code client_id}) and, when the token names one, the person acting (from {@code sub}); or nobody.
 */
public record Principal(String orgNo, Set<Role> roles, String clientId, String subject) {
    public static final Principal ANONYMOUS = new Principal(null, Set.of(), null, null);

    public Principal {
        roles = Set.copyOf(roles);
    }

    /** A caller whose token names no person. */
    public Principal(String orgNo, Set<Role> roles, String clientId) {
        this(orgNo, roles, clientId, null);
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

    /**
     * The person who makes the request, as approvals compare it: the token's subject, else its client (a machine
     * token names no person), else null.
     */
    public String person() {
        return subject != null ? subject : clientId;
    }
}
