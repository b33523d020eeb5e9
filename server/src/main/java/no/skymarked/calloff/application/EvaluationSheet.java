package no.skymarked.calloff.application;

import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.EvaluationResult;

/**
 * A recorded evaluation with what follows from it under the published terms: ranking, ties, flags, proposed winner;
 * the quality lock, the evaluators' own scores and the requests for explanation beside it. {@code drawSeed} is shown
 * only where a drawing of lots decided a tie; {@code drawSeedSha256} is the commitment published at the opening.
 */
public record EvaluationSheet(String callOffId, Competition.Terms terms, Competition.EvaluationRecord record,
                              EvaluationResult result, String drawSeed, String drawSeedSha256, Competition.EvaluationParts evaluating) {
    public static EvaluationSheet of(String callOffId, Competition competition) {
        return competition.evaluation().map(r -> new EvaluationSheet(callOffId, competition.terms(), r,
                competition.result(callOffId).orElseThrow(), competition.drawSeed(callOffId), competition.drawSeedSha256(callOffId),
                competition.evaluating())).orElse(null);
    }

    public String etag() {
        return "\"e" + record.version() + "\"";
    }
}
