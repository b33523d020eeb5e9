package no.skymarked.calloff.application;

import java.time.LocalDate;
import java.util.Optional;

/** Agencies' accessions to frameworks (FOA § 26-1(3)). */
public interface Accessions {
    /** The id of the agency's accession covering the lot on {@code day}, if any. */
    Optional<String> validAccession(String frameworkId, String agencyOrgNo, String lotId, LocalDate day);
}
