package no.skymarked.calloff.domain;

/** Call-off mechanism (domain rules §1.12): ranked direct award (cascade) or mini-competition. */
public enum Route {
    DIRECT_AWARD,
    MINI_COMPETITION
}
