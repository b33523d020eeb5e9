package no.skymarked.calloff.application;

import java.util.List;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.calloff.domain.CallOff;

/** How a caller relates to a call-off: the visibility policy every read and step starts from. */
public enum Viewer {
    BUYER, AUDITOR, INVITED_SUPPLIER, OFFERED_SUPPLIER, EDITOR, NONE;

    /** {@code parties} are the competition's, {@code offered} the suppliers the cascade made an offer to. */
    public static Viewer of(Principal p, CallOff c, List<Party> parties, List<String> offered) {
        if (p.actsFor(Role.BUYER, c.buyerOrgNo())) {
            return BUYER;
        }
        if (p.has(Role.AUDITOR)) {
            return AUDITOR;
        }
        if (p.has(Role.SUPPLIER) && parties.stream().anyMatch(x -> x.invited() && x.orgNo().equals(p.orgNo()))) {
            return INVITED_SUPPLIER;
        }
        if (p.has(Role.SUPPLIER) && offered.contains(p.orgNo())) {
            return OFFERED_SUPPLIER;
        }
        return p.has(Role.EDITOR) ? EDITOR : NONE;
    }

    public boolean buyerOrAuditor() {
        return this == BUYER || this == AUDITOR;
    }

    /** The buyer of this call-off; others who may see it get 403, the rest 404. */
    public void requireBuyer(Principal p, String callOffId, String what) {
        if (this == BUYER) {
            return;
        }
        if (this == NONE || this == OFFERED_SUPPLIER || this == EDITOR && !p.has(Role.BUYER)) {
            throw Refusal.notFound("Call-off", callOffId);
        }
        throw Refusal.forbidden("only the buyer of the call-off may " + what);
    }
}
