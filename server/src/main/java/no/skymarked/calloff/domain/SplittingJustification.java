package no.skymarked.calloff.domain;

/**
 * Why a call-off that takes the same need above the threshold within the window is nevertheless a separate need
 * (E7: REQ), and the person of the agency who approved that (not the one who calls off).
 */
public record SplittingJustification(String justification, String approvedBy) {
}
