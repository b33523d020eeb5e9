package no.skymarked.calloff.application;

import java.util.Optional;
import no.skymarked.calloff.domain.FrameworkTerms;

/** What the call-offs read from the catalogue. */
public interface FrameworkCatalogue {
    /** The framework's terms in force now. */
    Optional<FrameworkTerms> terms(String frameworkId);

    /** The framework's terms as they were at {@code version}: what a call-off made under that version keeps. */
    Optional<FrameworkTerms> terms(String frameworkId, int version);

    boolean serviceVersionExists(String serviceId, int version);

    /** The supplier's registered name (its organisation number when unknown). */
    String supplierName(String orgNo);
}
