package no.skymarked.calloff.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import no.skymarked.calloff.domain.CallOffEstimate;
import no.skymarked.calloff.domain.Cascade;
import no.skymarked.calloff.domain.DeclineReason;
import no.skymarked.calloff.domain.FrameworkTerms;
import no.skymarked.calloff.domain.OfferResponse;
import no.skymarked.calloff.domain.WorkingDayCalendar;

/**
 * Builds the domain {@link Cascade} of a call-off from its framework lot, and rebuilds its state from the stored
 * offers by replaying what happened, in order, at the recorded instants.
 */
final class Cascades {
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar();

    private Cascades() {
    }

    static Cascade fresh(String callOffId, FrameworkTerms.Lot lot, CallOffEstimate estimate) {
        Map<String, Map<String, BigDecimal>> rates = new HashMap<>();
        lot.members().forEach(m -> rates.put(m.orgNo(), m.rateAmounts()));
        return new Cascade(callOffId, lot.members().stream().map(FrameworkTerms.Member::asLotMember).toList(), estimate, rates);
    }

    static UnaryOperator<Instant> deadlines(FrameworkTerms framework) {
        return sent -> CALENDAR.deadline(sent, framework.cascadeResponseWorkingDays());
    }

    /** The cascade as it stands after the stored offers. */
    static Cascade replay(String callOffId, FrameworkTerms framework, FrameworkTerms.Lot lot, CallOffEstimate estimate,
                          List<OfferRecord> offers) {
        Cascade cascade = fresh(callOffId, lot, estimate);
        if (offers.isEmpty()) {
            return cascade;
        }
        cascade.start(offers.get(0).offer().sentAt(), deadlines(framework));
        for (int i = 0; i < offers.size(); i++) {
            OfferRecord o = offers.get(i);
            switch (o.offer().outcome()) {
                case ACCEPTED -> cascade.respond(o.offer().orgNo(), OfferResponse.ACCEPT, null, o.respondedAt());
                case DECLINED -> cascade.respond(o.offer().orgNo(), OfferResponse.DECLINE, DeclineReason.valueOf(o.reason()), o.respondedAt());
                case LAPSED -> cascade.lapse(i + 1 < offers.size() ? offers.get(i + 1).offer().sentAt() : o.respondedAt());
                case PENDING -> {
                    return cascade;
                }
            }
        }
        return cascade;
    }
}
