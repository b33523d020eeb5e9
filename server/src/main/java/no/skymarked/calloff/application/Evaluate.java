package no.skymarked.calloff.application;

import java.math.BigDecimal;
import java.util.List;

/**
 * The command to record an evaluation: per opened tender, scores with reasons or a rejection with its ground.
 * {@code formProblems} are the body's violations of the spec's schema, listed with the evaluation's other problems
 * (what is not well-formed is null).
 */
public record Evaluate(List<Tender> tenders, String ifMatch, List<Refusal.Field> formProblems) {
    public Evaluate {
        tenders = List.copyOf(tenders);
        formProblems = List.copyOf(formProblems);
    }

    public record Tender(String supplierOrgNo, List<Score> scores, Rejection rejection) {
        public Tender {
            scores = scores == null ? List.of() : List.copyOf(scores);
        }
    }

    public record Score(String criterionId, BigDecimal score, String reason) {
    }

    public record Rejection(String ground, String reason) {
    }
}
