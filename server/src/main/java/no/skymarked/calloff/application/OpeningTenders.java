package no.skymarked.calloff.application;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import no.skymarked.calloff.domain.CallOffStatus;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.Sealing;

/**
 * At the deadline the competition closes: with tenders it moves to EVALUATION and the protocol names who tendered
 * (until then it held only anonymous receipts); with none it is UNSUCCESSFUL (E11). The seed of any drawing of lots
 * is fixed now that no tender can change (domain rules §3.5); only its SHA-256 is published, the seed itself when a
 * draw decides a tie.
 */
final class OpeningTenders {
    private final SecureRandom random = new SecureRandom();

    /** Opens the competition of the step's call-off if its deadline has passed; true when it did. */
    boolean openIfDue(Step step) {
        var c = step.callOff();
        if (c.status() != CallOffStatus.TENDERING || !Sealing.opened(c.tenderDeadline().orElseThrow(), step.now())) {
            return false;
        }
        List<SealedTender> tenders = step.ports().competitions().tenders(c.id());
        String drawSeed = seed();
        boolean any = tenders.stream().anyMatch(SealedTender::submitted);
        Competition.Opening opening = new Competition.Opening(step.now(), drawSeed);
        c.open(opening, any);
        step.changed();
        List<Object> listed = tenders.stream().map(t -> (Object) Payload.of("tenderRef", t.tenderRef(), "supplierOrgNo", t.orgNo(),
                "status", t.status(), "version", t.version(), "submittedAt", t.submittedAt(), "sealedContentSha256", t.sealedSha256()))
                .toList();
        step.record(ProtocolEntry.SYSTEM, "TENDERS_OPENED", Payload.of("deadline", c.tenderDeadline().orElseThrow(),
                "openedAt", step.now(), "tenders", listed, "receipts", step.ports().competitions().receipts(c.id()),
                "drawSeedSha256", opening.drawSeedSha256()));
        if (!any) {
            step.record(ProtocolEntry.SYSTEM, "NO_TENDERS_RECEIVED", Payload.of("detail",
                    "no tender by the deadline; the call-off is UNSUCCESSFUL (cancel or call off again with a longer deadline)"));
        }
        return true;
    }

    private String seed() {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }
}
