package no.skymarked.calloff.application;

import java.time.Clock;

/** The ports the call-off use cases work through, and the one clock. */
public record Ports(Transactions transactions, CallOffRepository callOffs, CompetitionRepository competitions,
                    ProtocolLog protocol, StoredResponses responses, ValueLedger ledger, FrameworkCatalogue catalogue,
                    Accessions accessions, TenderSeal seal, Clock clock) {
}
