package no.skymarked.calloff.application;

import java.time.Instant;
import java.util.List;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.ProtocolEvent;

/** The whole procurement file of a call-off for the buyer and auditors; tender contents only once opened. */
public record ProcurementFile(CallOff callOff, Viewer viewer, String readerOrgNo, List<Competition.Question> questions,
                              List<TenderRead> tenders, Instant tendersSealedUntil, boolean tendersNeverOpened,
                              EvaluationSheet evaluation, List<Notice> notices, List<Competition.Declaration> declarations,
                              no.skymarked.calloff.domain.ChainRecord chain) {
    public List<ProtocolEvent> protocol() {
        return chain.events();
    }
}
