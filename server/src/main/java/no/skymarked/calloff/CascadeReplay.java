package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import no.skymarked.calloff.domain.CallOffEstimate;
import no.skymarked.calloff.domain.Cascade;
import no.skymarked.calloff.domain.DeclineReason;
import no.skymarked.calloff.domain.LotMember;
import no.skymarked.calloff.domain.MemberStatus;
import no.skymarked.calloff.domain.OfferResponse;
import no.skymarked.calloff.domain.WorkingDayCalendar;

/**
 * Builds the domain {@link Cascade} of a call-off from the framework lot and rebuilds its state from the stored
 * offers by replaying what happened, in order, at the recorded instants.
 */
final class CascadeReplay {
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar();

    private CascadeReplay() {
    }

    static JsonNode lot(JsonNode framework, String lotId) {
        for (JsonNode lot : framework.path("lots")) {
            if (lot.path("id").asText().equals(lotId)) {
                return lot;
            }
        }
        return null;
    }

    static Cascade fresh(String callOffId, JsonNode framework, JsonNode lot, CallOffEstimate estimate) {
        List<LotMember> members = new ArrayList<>();
        Map<String, Map<String, BigDecimal>> rates = new HashMap<>();
        for (JsonNode s : lot.path("suppliers")) {
            String orgNo = s.path("orgNo").asText();
            members.add(new LotMember(orgNo, s.path("rank").asInt(), MemberStatus.valueOf(s.path("status").asText())));
            Map<String, BigDecimal> byRole = new HashMap<>();
            s.path("rates").forEach(r -> byRole.put(r.path("roleId").asText(), new BigDecimal(r.path("hourlyRate").path("amount").asText())));
            rates.put(orgNo, byRole);
        }
        return new Cascade(callOffId, members, estimate, rates);
    }

    static UnaryOperator<Instant> deadlines(JsonNode framework) {
        int days = framework.path("cascadeResponseWorkingDays").asInt(2);
        return sent -> CALENDAR.deadline(sent, days);
    }

    /** The cascade as it stands after the stored offers. */
    static Cascade replay(String callOffId, JsonNode framework, JsonNode lot, CallOffEstimate estimate,
                          List<CallOffStore.StoredOffer> offers) {
        Cascade cascade = fresh(callOffId, framework, lot, estimate);
        if (offers.isEmpty()) {
            return cascade;
        }
        cascade.start(offers.get(0).offer().sentAt(), deadlines(framework));
        for (int i = 0; i < offers.size(); i++) {
            CallOffStore.StoredOffer o = offers.get(i);
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
