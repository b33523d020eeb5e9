package no.skymarked.calloff.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.Cascade;
import no.skymarked.calloff.domain.CascadeEvent;
import no.skymarked.calloff.domain.CascadeEventType;
import no.skymarked.calloff.domain.FrameworkTerms;

/** Loads a direct award with its cascade replayed, and saves what a cascade step did (optimistically). */
final class DirectAwards {
    private final Ports ports;

    DirectAwards(Ports ports) {
        this.ports = ports;
    }

    /** A call-off with its framework lot, its cascade as it stands and its stored offers. */
    record Loaded(CallOff callOff, FrameworkTerms framework, Cascade cascade, List<OfferRecord> offers) {
    }

    Loaded load(String callOffId) {
        CallOff c = ports.callOffs().find(callOffId).orElseThrow(() -> Refusal.notFound("Call-off", callOffId));
        FrameworkTerms framework = ports.catalogue().terms(c.frameworkId(), c.frameworkVersion()).orElseThrow(() -> Step.termsGone(c.frameworkId()));
        FrameworkTerms.Lot lot = framework.lot(c.lotId()).orElseThrow(() -> Refusal.conflict("/problems/lot-unknown",
                "Lot no longer in the framework", "framework '" + c.frameworkId() + "' no longer has lot '" + c.lotId() + "' of this call-off"));
        List<OfferRecord> offers = ports.callOffs().offers(callOffId);
        return new Loaded(c, framework, Cascades.replay(callOffId, framework, lot, c.estimate(), offers), offers);
    }

    /** Saves the cascade's outcome and offers and records its events; a concurrent change refuses (and rolls back). */
    void save(Loaded l, List<CascadeEvent> events, Instant now, Map<String, String> reasons, String actor) {
        l.callOff().follow(l.cascade());
        if (!ports.callOffs().update(l.callOff())) {
            throw concurrentChange();
        }
        ports.callOffs().saveOffers(l.callOff().id(), l.cascade().offers(), l.offers(), now, reasons);
        ports.protocol().append(l.callOff(), events.stream().map(e -> new ProtocolEntry(now,
                e.type() == CascadeEventType.ACCEPTED || e.type() == CascadeEventType.DECLINED ? actor : ProtocolEntry.SYSTEM,
                e.type().name(), payload(e))).toList());
    }

    static Map<String, Object> payload(CascadeEvent e) {
        return e.orgNo() == null ? Payload.of("at", e.at(), "detail", e.detail())
                : Payload.of("at", e.at(), "supplierOrgNo", e.orgNo(), "rank", e.rank(), "detail", e.detail());
    }

    static Refusal concurrentChange() {
        return Refusal.conflict("/problems/concurrent-change", "Concurrent change", "the call-off changed at the same time; try again");
    }

    static boolean isConcurrentChange(Refusal r) {
        return "/problems/concurrent-change".equals(r.type());
    }
}
