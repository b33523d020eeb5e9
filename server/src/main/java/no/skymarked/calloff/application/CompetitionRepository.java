package no.skymarked.calloff.application;

import java.util.List;
import java.util.Optional;

/** The mini-competition's rows beside the call-off: invited and excluded suppliers, sealed tenders, receipts. */
public interface CompetitionRepository {
    List<Party> parties(String callOffId);

    void insertParty(String callOffId, Party party);

    List<SealedTender> tenders(String callOffId);

    Optional<SealedTender> tender(String callOffId, String orgNo);

    void saveTender(String callOffId, SealedTender tender, boolean exists);

    /** Keeps the receipt of a submission or withdrawal; receipts reach the protocol only at the opening. */
    void receipt(String callOffId, SealedTender tender, String action);

    List<Receipt> receipts(String callOffId);
}
