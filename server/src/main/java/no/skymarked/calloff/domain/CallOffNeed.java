package no.skymarked.calloff.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a call-off is for, as the splitting check compares two call-offs (E7): the agency's optional project
 * reference, the title and the need description. Two call-offs concern the same need when they carry the same
 * project reference (compared without case and surrounding space), or when their titles and need descriptions are
 * similar ({@link NeedSimilarity}). A different reference does not make similar texts different needs: an agency
 * states why they are separate needs in a justification, with an approver.
 */
public record CallOffNeed(String projectReference, String title, String description) {

    /** Why two call-offs count as the same need. */
    public enum Basis {
        PROJECT_REFERENCE,
        SIMILAR_TEXT
    }

    public Optional<Basis> sameNeedAs(CallOffNeed other) {
        if (reference() != null && reference().equals(other.reference())) {
            return Optional.of(Basis.PROJECT_REFERENCE);
        }
        return NeedSimilarity.similar(NeedSimilarity.words(title, description), NeedSimilarity.words(other.title, other.description))
                ? Optional.of(Basis.SIMILAR_TEXT) : Optional.empty();
    }

    private String reference() {
        return projectReference == null || projectReference.isBlank() ? null : projectReference.strip().toLowerCase(Locale.ROOT);
    }
}
