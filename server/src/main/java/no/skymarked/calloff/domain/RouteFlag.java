package no.skymarked.calloff.domain;

/** Flags an allowed route decision carries into the protocol. */
public enum RouteFlag {
    /** ≤ threshold sent to mini-competition by choice; reason recorded (E47, KOFA 2021/615 risk). */
    DISCRETIONARY_MINI_COMPETITION,
    /** Direct award above the threshold under the exception; approver and follow-up plan are recorded. */
    EXCEPTION_ABOVE_THRESHOLD,
    /** The agency caused the urgency itself; the approver confirmed the circumstances were unforeseeable (E9). */
    UNFORESEEABILITY_CONFIRMED_BY_APPROVER,
    /** An exception was supplied but was not needed (total within threshold, or mini-competition chosen). */
    EXCEPTION_IGNORED
}
