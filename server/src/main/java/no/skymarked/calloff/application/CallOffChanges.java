package no.skymarked.calloff.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.events.Audience;
import no.skymarked.events.FeedEvent;

/**
 * Which protocol events are changes the feed publishes, under which CloudEvents type, and who may see each: the buyer
 * agency always; the supplier an offer concerns for offer events (no other supplier learns of it); the suppliers
 * invited to a mini-competition, or offered the call-off, for what is sent to all of them (publication, answers,
 * opening, outcome, cancellation); the awarded supplier for the contract. Auditors see every call-off event. The data is
 * identifiers and states only (never tender content, prices or questions' text); a reader fetches the call-off for more.
 */
public final class CallOffChanges {
    public static final String SOURCE = "/v1/call-offs";
    private static final String PREFIX = "no.skymarked.call-off.";

    private CallOffChanges() {
    }

    /**
     * The feed event of {@code entry} on {@code callOff} (as the step left it), if it is one; {@code related} gives the
     * suppliers invited to its competition or offered it.
     */
    public static Optional<FeedEvent> of(ProtocolEntry entry, CallOff callOff, Supplier<Set<String>> related) {
        String concerned = member(entry.payload(), "supplierOrgNo");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("callOffId", callOff.id());
        data.put("frameworkId", callOff.frameworkId());
        data.put("lotId", callOff.lotId());
        data.put("status", callOff.status().name());
        data.put("protocolEvent", entry.type());
        String buyer = callOff.buyerOrgNo();
        return switch (entry.type()) {
            case "CALL_OFF_CREATED" -> event("created", entry, callOff, data, Audience.parties(buyer, List.of()));
            case "OFFERED" -> offer("offer.made", entry, callOff, data, concerned, null);
            case "ACCEPTED" -> offer("offer.answered", entry, callOff, data, concerned, "ACCEPT");
            case "DECLINED" -> offer("offer.answered", entry, callOff, data, concerned, "DECLINE");
            case "LAPSED" -> offer("offer.lapsed", entry, callOff, data, concerned, null);
            case "AWARDED" -> {
                data.put("supplierOrgNo", concerned);
                yield event("awarded", entry, callOff, data, Audience.parties(buyer, List.of(concerned)));
            }
            case "AWARD_DECIDED" -> {
                callOff.awardedOrgNo().ifPresent(o -> data.put("supplierOrgNo", o));
                yield event("awarded", entry, callOff, data, Audience.parties(buyer, related.get()));
            }
            case "CASCADE_EXHAUSTED" -> event("cascade-exhausted", entry, callOff, data, Audience.parties(buyer, List.of()));
            case "COMPETITION_PUBLISHED" -> {
                callOff.tenderDeadline().ifPresent(d -> data.put("tenderDeadline", d.toString()));
                yield event("competition.published", entry, callOff, data, Audience.parties(buyer, related.get()));
            }
            case "QUESTION_ANSWERED" -> {
                data.put("questionId", member(entry.payload(), "questionId"));
                yield event("question.answered", entry, callOff, data, Audience.parties(buyer, related.get()));
            }
            case "TENDERS_OPENED" -> event("tenders.opened", entry, callOff, data, Audience.parties(buyer, related.get()));
            case "NO_TENDERS_RECEIVED", "ALL_TENDERS_REJECTED" ->
                    event("unsuccessful", entry, callOff, data, Audience.parties(buyer, related.get()));
            case "CONTRACT_CONCLUDED" -> {
                callOff.awardedOrgNo().ifPresent(o -> data.put("supplierOrgNo", o));
                yield event("contract.concluded", entry, callOff, data,
                        Audience.parties(buyer, callOff.awardedOrgNo().map(List::of).orElse(List.of())));
            }
            case "CALL_OFF_CANCELLED" -> event("cancelled", entry, callOff, data, Audience.parties(buyer, related.get()));
            default -> Optional.empty();
        };
    }

    private static Optional<FeedEvent> offer(String kind, ProtocolEntry entry, CallOff callOff, Map<String, Object> data,
                                             String concerned, String decision) {
        data.put("supplierOrgNo", concerned);
        Object rank = entry.payload() instanceof Map<?, ?> m ? m.get("rank") : null;
        if (rank != null) {
            data.put("rank", rank);
        }
        if (decision != null) {
            data.put("decision", decision);
        }
        return event(kind, entry, callOff, data, Audience.parties(callOff.buyerOrgNo(), concerned == null ? List.of() : List.of(concerned)));
    }

    private static Optional<FeedEvent> event(String kind, ProtocolEntry entry, CallOff callOff, Map<String, Object> data, Audience audience) {
        data.values().removeIf(java.util.Objects::isNull);
        return Optional.of(new FeedEvent(PREFIX + kind, SOURCE, callOff.id(), entry.at(), data, audience));
    }

    private static String member(Object payload, String name) {
        Object value = payload instanceof Map<?, ?> m ? m.get(name) : null;
        return value == null ? null : value.toString();
    }
}
