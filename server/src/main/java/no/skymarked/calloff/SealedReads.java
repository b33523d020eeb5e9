package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.Sealing;
import no.skymarked.shared.Json;
import no.skymarked.shared.ProblemException;

/**
 * Every read path that could reach tender content: one tender, the list, the notices and the export. Before the
 * deadline nobody but the tendering supplier learns anything beyond a receipt, and the buyer, auditors, editors and
 * other suppliers who try are refused with {@code /problems/tenders-sealed} and recorded in the protocol (E30).
 */
final class SealedReads {
    private final MiniCompetitions competitions;

    SealedReads(MiniCompetitions competitions) {
        this.competitions = competitions;
    }

    JsonNode tender(Principal caller, String callOffId, String orgNo) {
        return competitions.locked(callOffId, l -> {
            CompetitionState s = l.state();
            CompetitionState.Viewer v = visible(s, caller);
            s.requireMiniCompetition();
            boolean own = v == CompetitionState.Viewer.INVITED_SUPPLIER && caller.orgNo().equals(orgNo);
            if (!opened(s, l)) {
                if (own) {
                    return MiniCompetitions.Outcome.<JsonNode>of(CompetitionViews.receipt(callOffId, found(l, orgNo), s.deadline()));
                }
                return MiniCompetitions.Outcome.refused(refuseSealed(l, caller, "tender of " + orgNo));
            }
            if (!own && v != CompetitionState.Viewer.BUYER && v != CompetitionState.Viewer.AUDITOR) {
                throw forbidden("suppliers see only their own tender; editors see none (FOA § 7-4)");
            }
            CompetitionStore.StoredTender t = found(l, orgNo);
            logRead(l, caller, "tender of " + orgNo);
            return MiniCompetitions.Outcome.<JsonNode>of(opened(s, t, l));
        }).get();
    }

    JsonNode tenders(Principal caller, String callOffId) {
        return competitions.locked(callOffId, l -> {
            CompetitionState s = l.state();
            CompetitionState.Viewer v = visible(s, caller);
            s.requireMiniCompetition();
            boolean supplier = v == CompetitionState.Viewer.INVITED_SUPPLIER;
            if (!opened(s, l) && !supplier) {
                return MiniCompetitions.Outcome.<JsonNode>refused(refuseSealed(l, caller, "list of tenders"));
            }
            if (v == CompetitionState.Viewer.EDITOR) {
                throw forbidden("editors do not read tenders");
            }
            if (opened(s, l)) {
                logRead(l, caller, supplier ? "own tender" : "every tender");
            }
            ArrayNode items = Json.MAPPER.createArrayNode();
            for (CompetitionStore.StoredTender t : competitions.store().tenders(l.tx(), callOffId)) {
                if (supplier && !t.orgNo().equals(caller.orgNo())) {
                    continue;
                }
                items.add(opened(s, l) ? opened(s, t, l) : CompetitionViews.receipt(callOffId, t, s.deadline()));
            }
            return MiniCompetitions.Outcome.<JsonNode>of(CompetitionViews.items(items));
        }).get();
    }

    /** The buyer and auditors see every notice; a supplier its own. Before the award there are none. */
    JsonNode notices(Principal caller, String callOffId) {
        return competitions.locked(callOffId, l -> {
            CompetitionState s = l.state();
            CompetitionState.Viewer v = visible(s, caller);
            if (v == CompetitionState.Viewer.EDITOR) {
                throw forbidden("notices are for the buyer, the suppliers they are sent to, and auditors");
            }
            ArrayNode items = Json.MAPPER.createArrayNode();
            if (s.competition() != null) {
                for (JsonNode n : s.competition().path("notices")) {
                    if (v != CompetitionState.Viewer.INVITED_SUPPLIER || n.path("recipientOrgNo").asText().equals(caller.orgNo())) {
                        items.add(n.deepCopy());
                    }
                }
            }
            return MiniCompetitions.Outcome.<JsonNode>of(CompetitionViews.items(items));
        }).get();
    }

    /** The whole procurement file for the buyer and auditors; tender contents only once opened. */
    JsonNode export(Principal caller, String callOffId) {
        return competitions.locked(callOffId, l -> {
            CompetitionState s = l.state();
            CompetitionState.Viewer v = visible(s, caller);
            if (v != CompetitionState.Viewer.BUYER && v != CompetitionState.Viewer.AUDITOR) {
                throw forbidden("the procurement file is for the buyer and auditors");
            }
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.set("callOff", CallOffViews.callOff(s.row()));
            ArrayNode questions = out.putArray("questions");
            ArrayNode tenders = out.putArray("tenders");
            if (s.competition() != null) {
                s.competition().path("questions").forEach(q -> questions.add(CompetitionViews.question(q, v, caller.orgNo())));
                if (opened(s, l)) {
                    logRead(l, caller, "procurement file with every tender");
                    competitions.store().tenders(l.tx(), callOffId).forEach(t -> tenders.add(opened(s, t, l)));
                } else if ("TENDERING".equals(s.status())) {
                    out.put("tendersSealedUntil", s.deadline().toString());
                } else if (s.deadline() != null) {
                    out.put("tendersNeverOpened", true);
                }
                if (s.competition().has("evaluation")) {
                    out.set("evaluation", s.competition().path("evaluation").path("view").deepCopy());
                }
                out.set("notices", s.competition().path("notices").deepCopy());
                out.set("conflictDeclarations", s.competition().path("declarations").deepCopy());
            }
            out.set("protocol", CallOffViews.protocol(callOffId, competitions.store().protocolOf(l.tx(), callOffId)));
            return MiniCompetitions.Outcome.<JsonNode>of(out);
        }).get();
    }

    private static CompetitionState.Viewer visible(CompetitionState s, Principal caller) {
        CompetitionState.Viewer v = s.viewer(caller);
        if (v == CompetitionState.Viewer.NONE) {
            throw ProblemException.notFound("Call-off", s.id());
        }
        return v;
    }

    /** Opened means the competition closed at its deadline; one cancelled before it never opens its tenders. */
    private static boolean opened(CompetitionState s, MiniCompetitions.Locked l) {
        return s.competition() != null && s.competition().has("openedAt") && Sealing.opened(s.deadline(), l.now());
    }

    /** Every read of tender content is in the protocol too (M3). */
    private void logRead(MiniCompetitions.Locked l, Principal caller, String what) {
        competitions.record(l.tx(), l.state().id(), l.now(), CallOffs.actor(caller), "TENDER_CONTENT_READ",
                Json.MAPPER.createObjectNode().put("read", what).put("byOrgNo", caller.orgNo()));
    }

    private CompetitionStore.StoredTender found(MiniCompetitions.Locked l, String orgNo) {
        return competitions.store().tender(l.tx(), l.state().id(), orgNo)
                .orElseThrow(() -> ProblemException.notFound("Tender of", orgNo));
    }

    private ObjectNode opened(CompetitionState s, CompetitionStore.StoredTender t, MiniCompetitions.Locked l) {
        return CompetitionViews.opened(s.id(), t, t.sealed() == null ? null : competitions.open(s, t, l.now()));
    }

    private ProblemException refuseSealed(MiniCompetitions.Locked l, Principal caller, String what) {
        CompetitionState s = l.state();
        competitions.record(l.tx(), s.id(), l.now(), CallOffs.actor(caller), "SEALED_TENDER_ACCESS_REFUSED",
                Json.MAPPER.createObjectNode().put("attempted", what).put("byOrgNo", caller.orgNo())
                        .put("sealedUntil", s.deadline() == null ? "not published" : s.deadline().toString()));
        return new ProblemException(403, "/problems/tenders-sealed", "Tenders sealed", "tenders stay sealed until the deadline"
                + (s.deadline() == null ? " (not yet published)" : " " + s.deadline() + " (" + CallOffViews.oslo(s.deadline())
                + " Europe/Oslo)") + "; nobody reads them before, and this attempt is recorded in the protocol", List.of());
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(403, "/problems/forbidden", "Forbidden", detail, List.of());
    }
}
