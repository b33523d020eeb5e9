package no.skymarked.calloff.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.CallOffStatus;
import no.skymarked.calloff.domain.CascadeEvent;
import no.skymarked.calloff.domain.CascadeStep;
import no.skymarked.calloff.domain.DeclineReason;
import no.skymarked.calloff.domain.Offer;
import no.skymarked.calloff.domain.OfferOutcome;
import no.skymarked.calloff.domain.OfferResponse;
import no.skymarked.calloff.domain.WorkingDayCalendar;

/** A supplier's answer to its offer in the cascade. A late answer still records the lapse, then is refused. */
public final class AnsweringOffer {
    private final Ports ports;
    private final DirectAwards awards;

    public AnsweringOffer(Ports ports) {
        this.ports = ports;
        this.awards = new DirectAwards(ports);
    }

    public void respond(Principal supplier, String callOffId, String offerId, OfferResponse response, DeclineReason reason) {
        Instant now = ports.clock().instant();
        Refusal refusal = ports.transactions().inTransaction(() -> {
            DirectAwards.Loaded c = awards.load(callOffId);
            CallOffStatus status = c.callOff().status();
            if (status == CallOffStatus.CANCELLED || status == CallOffStatus.CONTRACTED) {
                return Refusal.conflict("/problems/offer-closed", "Offer closed", "the call-off is " + status + "; its offers are closed");
            }
            Offer offer = c.cascade().offers().stream().filter(o -> o.id().equals(offerId) && o.orgNo().equals(supplier.orgNo()))
                    .findFirst().orElseThrow(() -> Refusal.notFound("Offer", offerId));
            List<CascadeEvent> events = new ArrayList<>(((CascadeStep.Applied) c.cascade().lapse(now)).events());
            CascadeStep step = late(offer, now) ? new CascadeStep.Refused(CascadeStep.RESPONSE_AFTER_DEADLINE, "the deadline "
                    + offer.deadline() + " (" + WorkingDayCalendar.osloTime(offer.deadline())
                    + " Europe/Oslo) has passed; the offer lapsed") : c.cascade().respond(offer.orgNo(), response, reason, now);
            if (step instanceof CascadeStep.Refused refused) {
                if (!events.isEmpty()) {
                    awards.save(c, events, now, Map.of(), ProtocolEntry.SYSTEM);
                }
                return Refusal.conflict(Refusal.typeOf(refused.code()), "Offer closed", refused.message());
            }
            events.addAll(((CascadeStep.Applied) step).events());
            awards.save(c, events, now, response == OfferResponse.DECLINE ? Map.of(offerId, reason.name()) : Map.of(), Actor.of(supplier));
            return null;
        });
        if (refusal != null) {
            throw refusal;
        }
    }

    private static boolean late(Offer offer, Instant now) {
        return offer.outcome() == OfferOutcome.LAPSED || offer.outcome() == OfferOutcome.PENDING && offer.expiredAt(now);
    }
}
