package no.skymarked.calloff.application;

import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.EvaluationResult;

/** A recorded evaluation with what follows from it under the published terms: ranking, ties, flags, proposed winner. */
public record EvaluationSheet(String callOffId, Competition.Terms terms, Competition.EvaluationRecord record,
                              EvaluationResult result, String drawSeed) {
    public static EvaluationSheet of(String callOffId, Competition competition) {
        return competition.evaluation().map(r -> new EvaluationSheet(callOffId, competition.terms(), r,
                competition.result(callOffId).orElseThrow(), competition.drawSeed(callOffId))).orElse(null);
    }

    public String etag() {
        return "\"e" + record.version() + "\"";
    }
}
