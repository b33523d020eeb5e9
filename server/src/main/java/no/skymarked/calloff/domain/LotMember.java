package no.skymarked.calloff.domain;

/** A supplier in a framework lot with its fixed award rank (1 = first asked). */
public record LotMember(String orgNo, int rank, MemberStatus status) {
}
