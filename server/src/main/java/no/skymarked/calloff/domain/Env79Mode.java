package no.skymarked.calloff.domain;

/**
 * How a framework meets FOA § 7-9 (domain rules §1.10), inherited by its mini-competitions: climate and environment
 * weighted at least 30 % (§ 7-9 (2)); requirements in the specification that clearly give a better effect, with the
 * reason recorded (§ 7-9 (4)); or an insignificant footprint, with the reason recorded (§ 7-9 (5)).
 */
public enum Env79Mode {
    WEIGHTED_30,
    REQUIREMENTS_CLEARLY_BETTER,
    NOT_RELEVANT_INSIGNIFICANT
}
