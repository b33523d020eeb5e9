package no.skymarked.calloff.application;

import java.util.List;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.ProtocolEvent;

/**
 * Reading call-offs with the visibility policy: a buyer its own, a supplier those it was offered or invited to
 * (its own offers only), auditors all; anyone else is told the call-off does not exist. Passed deadlines are
 * applied first, so what is read is what holds now.
 */
public final class ReadingCallOffs {
    private final Ports ports;
    private final LapsingDeadlines deadlines;

    public ReadingCallOffs(Ports ports, LapsingDeadlines deadlines) {
        this.ports = ports;
        this.deadlines = deadlines;
    }

    /** A call-off with its offers, as the caller may see them. */
    public record Seen(CallOff callOff, List<OfferRecord> offers, Viewer viewer) {
    }

    public Seen one(Principal caller, String callOffId) {
        return visible(caller, callOffId, false);
    }

    /** The offers of the call-off: the buyer and auditors see all, an offered supplier its own. */
    public List<OfferRecord> offers(Principal caller, String callOffId) {
        Seen seen = visible(caller, callOffId, false);
        boolean all = seen.viewer().buyerOrAuditor();
        return seen.offers().stream().filter(o -> all || o.offer().orgNo().equals(caller.orgNo())).toList();
    }

    /** The protocol with what the call-off records about it (format, head, state), for verification. */
    public no.skymarked.calloff.domain.ChainRecord protocol(Principal caller, String callOffId) {
        visible(caller, callOffId, true);
        return ports.protocol().chain(callOffId);
    }

    /** Newest first: an auditor all, a buyer its own, a supplier those it was offered or invited to. */
    public List<CallOff> list(Principal caller, int limit, int offset) {
        boolean all = caller.has(Role.AUDITOR);
        String buyer = !all && caller.has(Role.BUYER) ? caller.orgNo() : null;
        String supplier = !all && buyer == null ? caller.orgNo() : null;
        return ports.callOffs().list(buyer, supplier, limit, offset);
    }

    private Seen visible(Principal caller, String callOffId, boolean protocolOnly) {
        deadlines.applyTo(callOffId);
        CallOff c = ports.callOffs().find(callOffId).orElseThrow(() -> Refusal.notFound("Call-off", callOffId));
        List<OfferRecord> offers = ports.callOffs().offers(callOffId);
        List<Party> parties = c.isMiniCompetition() ? ports.competitions().parties(callOffId) : List.of();
        Viewer v = Viewer.of(caller, c, parties, offers.stream().map(o -> o.offer().orgNo()).toList());
        boolean supplier = v == Viewer.INVITED_SUPPLIER || v == Viewer.OFFERED_SUPPLIER;
        if (v.buyerOrAuditor() || supplier && !protocolOnly) {
            return new Seen(c, offers, v);
        }
        if (protocolOnly && supplier) {
            throw Refusal.forbidden("the protocol is for the buyer and auditors");
        }
        throw Refusal.notFound("Call-off", callOffId);
    }
}
