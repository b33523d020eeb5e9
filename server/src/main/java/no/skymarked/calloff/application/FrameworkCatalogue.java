package no.skymarked.calloff.application;

import java.util.Optional;
import no.skymarked.calloff.domain.FrameworkTerms;

/** What the call-offs read from the catalogue. */
public interface FrameworkCatalogue {
    Optional<FrameworkTerms> terms(String frameworkId);

    boolean serviceVersionExists(String serviceId, int version);

    /** The supplier's registered name (its organisation number when unknown). */
    String supplierName(String orgNo);
}
