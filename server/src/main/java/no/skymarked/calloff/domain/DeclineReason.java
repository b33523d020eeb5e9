package no.skymarked.calloff.domain;

/**
 * The only valid reasons to decline a cascade offer (domain rules §2.2). There is deliberately no value for
 * "buyer prefers another supplier" (E22): preference is not a reason the system can express.
 */
public enum DeclineReason {
    NO_CAPACITY,
    CANNOT_MEET_REQUIREMENTS,
    CONFLICT_OF_INTEREST,
    OTHER_ACCEPTED_BY_FRAMEWORK
}
