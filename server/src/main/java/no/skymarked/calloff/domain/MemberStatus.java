package no.skymarked.calloff.domain;

/** A supplier's standing in a framework lot; only ACTIVE members are offered call-offs (E48). */
public enum MemberStatus {
    ACTIVE,
    SUSPENDED,
    TERMINATED
}
