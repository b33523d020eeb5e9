package no.skymarked.calloff.domain;

/** Kinds of award criteria a framework defines; price is scored by the server, the others by evaluators. */
public enum CriterionType {
    PRICE,
    QUALITY,
    COMPETENCE,
    ENVIRONMENT,
    DELIVERY
}
