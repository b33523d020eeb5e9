package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.calloff.domain.Sealing;
import no.skymarked.shared.Json;
import no.skymarked.shared.ProblemException;

/**
 * Tenders of a mini-competition: submitted, replaced or withdrawn by their supplier strictly before the deadline,
 * sealed for the database, with a receipt that reaches the protocol only when the tenders are opened.
 */
final class Tendering {
    private final MiniCompetitions competitions;

    Tendering(MiniCompetitions competitions) {
        this.competitions = competitions;
    }

    /** Submits or replaces the supplier's tender, sealed; answers the receipt and whether it was the first. */
    Map.Entry<Boolean, JsonNode> submit(Principal supplier, String callOffId, String orgNo, CompetitionRequests.TenderBody body) {
        requireOwnTender(supplier, orgNo);
        return competitions.locked(callOffId, l -> {
            CompetitionState s = l.state();
            requireInvited(s, supplier);
            ProblemException late = lateRefusal(l, supplier, "TENDER_SUBMISSION");
            if (late != null) {
                return MiniCompetitions.Outcome.<Map.Entry<Boolean, JsonNode>>refused(late);
            }
            ObjectNode content = CompetitionRequests.checkTender(body, CallOffs.estimateOf(s.row().document()), s.frameworkRates(orgNo));
            var existing = competitions.store().tender(l.tx(), callOffId, orgNo);
            String ref = existing.map(CompetitionStore.StoredTender::tenderRef).orElse(UUID.randomUUID().toString());
            TenderVault.Sealed sealed = competitions.vault().seal(MiniCompetitions.boundTo(callOffId, orgNo, ref), Json.bytes(content));
            int version = existing.map(t -> t.version() + 1).orElse(1);
            var tender = new CompetitionStore.StoredTender(orgNo, ref, "SUBMITTED", version,
                    existing.map(CompetitionStore.StoredTender::firstAt).orElse(l.now()), l.now(), sealed, sealed.sha256());
            competitions.store().saveTender(l.tx(), callOffId, tender, existing.isPresent());
            competitions.store().receipt(l.tx(), callOffId, tender, "SUBMITTED");  // neither the protocol nor the version tells how many tendered
            return MiniCompetitions.Outcome.of(Map.entry(existing.isEmpty(), CompetitionViews.receipt(callOffId, tender, s.deadline())));
        }).get();
    }

    JsonNode withdraw(Principal supplier, String callOffId, String orgNo) {
        requireOwnTender(supplier, orgNo);
        return competitions.locked(callOffId, l -> {
            CompetitionState s = l.state();
            requireInvited(s, supplier);
            ProblemException late = lateRefusal(l, supplier, "TENDER_WITHDRAWAL");
            if (late != null) {
                return MiniCompetitions.Outcome.<JsonNode>refused(late);
            }
            var existing = competitions.store().tender(l.tx(), callOffId, orgNo).filter(CompetitionStore.StoredTender::submitted)
                    .orElseThrow(() -> ProblemException.notFound("Tender of", orgNo));
            var withdrawn = new CompetitionStore.StoredTender(orgNo, existing.tenderRef(), "WITHDRAWN", existing.version() + 1,
                    existing.firstAt(), l.now(), null, null);
            competitions.store().saveTender(l.tx(), callOffId, withdrawn, true);
            competitions.store().receipt(l.tx(), callOffId, withdrawn, "WITHDRAWN");
            return MiniCompetitions.Outcome.of(CompetitionViews.receipt(callOffId, withdrawn, s.deadline()));
        }).get();
    }

    private static void requireOwnTender(Principal supplier, String orgNo) {
        if (!supplier.has(Role.SUPPLIER) || !orgNo.equals(supplier.orgNo())) {
            throw new ProblemException(403, "/problems/forbidden", "Forbidden", "organisation " + supplier.orgNo()
                    + " may submit or withdraw only its own tender (as supplier), not that of " + orgNo, List.of());
        }
    }

    private static void requireInvited(CompetitionState s, Principal supplier) {
        boolean inLot = false;
        for (JsonNode member : s.lot().path("suppliers")) {
            inLot |= member.path("orgNo").asText().equals(supplier.orgNo());
        }
        if (!inLot) {
            throw new ProblemException(403, "/problems/supplier-not-in-lot", "Not in the lot", "supplier " + supplier.orgNo()
                    + " is not a party to lot '" + s.row().lotId() + "' of the framework (FOA § 26-1(3))", List.of());
        }
        if (!s.invited(supplier.orgNo())) {
            throw new ProblemException(403, "/problems/not-invited", "Not invited", "supplier " + supplier.orgNo()
                    + " is not invited to this mini-competition", List.of());
        }
    }

    /** A submission or withdrawal at or after the deadline is refused (E29) and the attempt is recorded. */
    private ProblemException lateRefusal(MiniCompetitions.Locked l, Principal supplier, String what) {
        CompetitionState s = l.state();
        if ("TENDERING".equals(s.status()) && Sealing.receives(s.deadline(), l.now())) {
            return null;
        }
        if (s.deadline() != null && !Sealing.receives(s.deadline(), l.now())) {
            competitions.record(l.tx(), s.id(), l.now(), CallOffs.actor(supplier), "LATE_TENDER_REFUSED", Json.MAPPER.createObjectNode()
                    .put("attempt", what).put("supplierOrgNo", supplier.orgNo()).put("deadline", s.deadline().toString()));
        }
        try {
            s.requireReceiving(l.now(), "submit or withdraw a tender");
        } catch (ProblemException e) {
            return e;
        }
        return null;
    }
}
