package no.skymarked.calloff.domain;

/** A supplier's answer to a cascade offer. */
public enum OfferResponse {
    ACCEPT,
    DECLINE
}
