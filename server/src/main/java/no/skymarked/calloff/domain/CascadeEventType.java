package no.skymarked.calloff.domain;

/** Kinds of {@link CascadeEvent} a caller writes to the protocol (domain rules §2.2/§2.3). */
public enum CascadeEventType {
    /** A non-active member was passed over; detail = its status (E48). */
    SKIPPED,
    /** An offer was sent; detail = offer id and deadline. */
    OFFERED,
    ACCEPTED,
    /** detail = the {@link DeclineReason}. */
    DECLINED,
    /** No response by the deadline; {@code at} = the deadline. */
    LAPSED,
    /** detail = agreed value, NOK ex. VAT. */
    AWARDED,
    CASCADE_EXHAUSTED
}
