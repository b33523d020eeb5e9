package no.skymarked.calloff.domain;

/** A catalogue service in the version the buyer saw. */
public record ServiceVersion(String serviceId, int version) {
}
