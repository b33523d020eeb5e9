package no.skymarked.calloff.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.DirectCallOff;
import no.skymarked.calloff.domain.Offer;

/** Call-offs and the offers of their cascades. Writes join the caller's transaction. */
public interface CallOffRepository {
    Optional<CallOff> find(String id);

    /** Locks the call-off for the rest of the transaction (its steps go one at a time), then reads it. */
    Optional<CallOff> lock(String id);

    void insert(CallOff callOff);

    /**
     * Saves a changed call-off if it is still at the version it was read at (false otherwise, and nothing is
     * written); the value it holds under the framework's maximum follows its {@link CallOff#committedValue()}.
     */
    boolean update(CallOff callOff);

    /** Newest first; {@code buyerOrgNo} its own, {@code supplierOrgNo} those it was offered or invited to; both null: all. */
    List<CallOff> list(String buyerOrgNo, String supplierOrgNo, int limit, int offset);

    List<String> withLapsedOffers(Instant now);

    List<String> withPassedTenderDeadlines(Instant now);

    /**
     * The buyer's direct-award call-offs on a framework, in every lot and status, made at or after {@code since}, for the
     * splitting check (which leaves out those that do not count).
     */
    List<DirectCallOff> directCallOffs(String buyerOrgNo, String frameworkId, Instant since);

    List<OfferRecord> offers(String callOffId);

    /** Inserts new offers and records changed outcomes ({@code reasons}: decline reason by offer id). */
    void saveOffers(String callOffId, List<Offer> offers, List<OfferRecord> before, Instant now, Map<String, String> reasons);
}
