package no.skymarked.calloff.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.skymarked.calloff.application.Awarding;
import no.skymarked.calloff.application.Evaluate;
import no.skymarked.calloff.application.Publish;
import no.skymarked.calloff.application.RecordingEvaluatorScores;
import no.skymarked.calloff.application.RequestingExplanation;
import no.skymarked.calloff.application.SubmitTender;
import no.skymarked.calloff.application.TenderContent;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.Normalisation;
import no.skymarked.calloff.domain.PriceModel;
import no.skymarked.calloff.domain.TermsCheck;
import no.skymarked.calloff.domain.TieBreakRule;
import no.skymarked.calloff.domain.WorkingDayCalendar;
import no.skymarked.catalogdata.OrganisationNumber;
import no.skymarked.shared.Problem;
import no.skymarked.shared.ProblemException;

/**
 * The mini-competition's request bodies (validated against the spec before) as commands. What the schemas cannot
 * state is checked here: organisation numbers' check digits, one exclusion per supplier, and the Oslo wall-clock
 * reading of a deadline without an offset (domain rules §6.6, E31).
 */
final class CompetitionRequests {
    private CompetitionRequests() {
    }

    /** A publication; the deadline's Oslo reading is refused together with the schema's {@code problems}. */
    static Publish publication(JsonNode body, List<no.skymarked.calloff.application.Refusal.Field> problems) {
        List<Problem.FieldError> errors = new ArrayList<>(problems.stream().map(p -> Problem.FieldError.pointer(p.pointer(), p.detail())).toList());
        Instant deadline = body.path("tenderDeadline").isTextual() ? deadline(body.path("tenderDeadline").asText(), errors) : null;
        List<Publish.Exclusion> exclusions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode excluded = body.path("excludedSuppliers");
        for (int i = 0; excluded.isArray() && i < excluded.size(); i++) {
            String org = Requests.textOrNull(excluded.get(i), "orgNo");
            if (org == null) {
                continue;
            }
            checkOrgNo(org, "/excludedSuppliers/" + i + "/orgNo", errors);
            if (!seen.add(org)) {
                errors.add(Problem.FieldError.pointer("/excludedSuppliers/" + i + "/orgNo", org + " is excluded twice"));
            }
            exclusions.add(new Publish.Exclusion(org, Requests.text(excluded.get(i), "reason"), Requests.text(excluded.get(i), "detail")));
        }
        failIfAny(errors, "/problems/invalid-publication", "Invalid publication");
        List<TermsCheck.Choice> criteria = Requests.list(body.get("criteria"),
                c -> new TermsCheck.Choice(Requests.text(c, "criterionId"), Requests.decimal(c.get("weight"))));
        List<TieBreakRule> tieBreak = body.hasNonNull("tieBreak") ? Requests.list(body.get("tieBreak"), t -> TieBreakRule.valueOf(t.asText()))
                : TieBreakRule.DEFAULT_ORDER;
        return new Publish(deadline, criteria, PriceModel.valueOf(body.path("priceModel").asText()),
                body.hasNonNull("normalisation") ? Normalisation.valueOf(body.path("normalisation").asText()) : Normalisation.NONE,
                tieBreak, body.hasNonNull("tiePrecisionDecimals") ? body.path("tiePrecisionDecimals").asInt() : null,
                body.path("voluntaryStandstillDays").asInt(0), exclusions,
                body.hasNonNull("documentedBudget") ? Requests.decimal(body.path("documentedBudget").get("amount")) : null);
    }

    /**
     * With an offset it is an instant; without (or suffixed {@code [Europe/Oslo]}), a Europe/Oslo wall-clock time that
     * must exist exactly once (E31); a date alone means 12:00 Oslo time that day (domain rules §6.6).
     */
    private static Instant deadline(String text, List<Problem.FieldError> errors) {
        try {
            if (text.matches(".*([zZ]|[+-][0-9]{2}:[0-9]{2})$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            String local = text.endsWith("[Europe/Oslo]") ? text.substring(0, text.length() - "[Europe/Oslo]".length()) : text;
            LocalDateTime time = LocalDateTime.parse(local.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? local + "T12:00" : local);
            var problem = TermsCheck.localTimeProblem(time);
            if (problem.isPresent()) {
                errors.add(Problem.FieldError.pointer(problem.get().pointer(), problem.get().message()));
                return null;
            }
            return time.atZone(WorkingDayCalendar.OSLO).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(Problem.FieldError.pointer("/tenderDeadline",
                    "must be a date-time, e.g. 2026-12-10T12:00:00+01:00, or Oslo time 2026-12-10T12:00"));
            return null;
        }
    }

    /**
     * A tender, mapped also when the schema refused the body ({@code problems}), so that the use case can list every
     * problem once the supplier may tender at all; what is not well-formed is null.
     */
    static SubmitTender tender(JsonNode body, List<no.skymarked.calloff.application.Refusal.Field> problems) {
        List<no.skymarked.calloff.application.Refusal.Field> all = new ArrayList<>(problems);
        List<TenderContent.Subcontractor> subcontractors = new ArrayList<>();
        JsonNode subs = body.path("subcontractors");
        for (int i = 0; subs.isArray() && i < subs.size(); i++) {
            String org = Requests.textOrNull(subs.get(i), "orgNo");
            if (org != null && !OrganisationNumber.isValid(org)) {
                all.add(new no.skymarked.calloff.application.Refusal.Field("/subcontractors/" + i + "/orgNo",
                        "'" + org + "' is not a valid organisation number"));
            }
            subcontractors.add(new TenderContent.Subcontractor(Requests.textOrNull(subs.get(i), "name"), org));
        }
        List<SubmitTender.Rate> rates = new ArrayList<>();
        body.path("rates").forEach(r -> rates.add(new SubmitTender.Rate(Requests.textOrNull(r, "roleId"),
                Requests.decimalOrNull(r.path("hourlyRate").get("amount")))));
        LocalDate validUntil = null;
        try {
            validUntil = body.path("validUntil").isTextual() ? LocalDate.parse(body.path("validUntil").asText()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            // the schema's date format has reported it
        }
        return new SubmitTender(rates, Requests.textOrNull(body, "solutionDescription"), subcontractors, validUntil, all);
    }

    /** An evaluation, mapped also when the schema refused the body ({@code problems}); see {@link #tender}. */
    static Evaluate evaluation(JsonNode body, String ifMatch, List<no.skymarked.calloff.application.Refusal.Field> problems) {
        return new Evaluate(assessed(body), ifMatch, problems);
    }

    /** One evaluator's own scores, mapped also when the schema refused the body ({@code problems}). */
    static RecordingEvaluatorScores.Score evaluatorScores(JsonNode body, List<no.skymarked.calloff.application.Refusal.Field> problems) {
        return new RecordingEvaluatorScores.Score(Requests.textOrNull(body, "evaluator"), assessed(body), problems);
    }

    static RequestingExplanation.Request explanationRequest(JsonNode body) {
        return new RequestingExplanation.Request(Requests.text(body, "supplierOrgNo"), Requests.text(body, "request"),
                instant(body, "deadline", "/problems/invalid-explanation-request"));
    }

    static RequestingExplanation.Assess explanationAssessment(JsonNode body) {
        return new RequestingExplanation.Assess(Requests.text(body, "verdict"), Requests.text(body, "reason"),
                instant(body, "explanationReceivedAt", "/problems/invalid-explanation-assessment"));
    }

    private static List<Evaluate.Tender> assessed(JsonNode body) {
        List<Evaluate.Tender> tenders = new ArrayList<>();
        body.path("tenders").forEach(t -> {
            List<Evaluate.Score> scores = new ArrayList<>();
            t.path("scores").forEach(s -> scores.add(new Evaluate.Score(Requests.textOrNull(s, "criterionId"),
                    Requests.decimalOrNull(s.get("score")), Requests.textOrNull(s, "reason"))));
            JsonNode rejection = t.path("rejection");
            tenders.add(new Evaluate.Tender(Requests.textOrNull(t, "supplierOrgNo"), scores, rejection.isObject()
                    ? new Evaluate.Rejection(Requests.textOrNull(rejection, "ground"), Requests.textOrNull(rejection, "reason")) : null));
        });
        return tenders;
    }

    static Awarding.Award award(JsonNode body) {
        JsonNode tie = body.get("tieDecision");
        return new Awarding.Award(Requests.text(body, "reasons"), body.path("evidenceReceived").asBoolean(false),
                tie == null || tie.isNull() ? null : new Competition.TieDecision(Requests.text(tie, "winnerOrgNo"), Requests.text(tie, "reason")),
                Requests.text(body, "abnormallyLowClarification"));
    }

    /** An RFC 3339 instant with an offset, or null when left out. */
    static Instant instant(JsonNode body, String field, String problemType) {
        try {
            return body.hasNonNull(field) ? OffsetDateTime.parse(body.path(field).asText()).toInstant() : null;
        } catch (java.time.format.DateTimeParseException e) {
            throw no.skymarked.shared.Bodies.invalid(problemType, "/" + field,
                    "must be a date-time with offset, e.g. 2026-12-10T12:00:00+01:00 or 2026-12-10T11:00:00Z");
        }
    }

    private static void checkOrgNo(String org, String pointer, List<Problem.FieldError> errors) {
        if (!OrganisationNumber.isValid(org)) {
            errors.add(Problem.FieldError.pointer(pointer, "'" + org + "' is not a valid organisation number"));
        }
    }

    private static void failIfAny(List<Problem.FieldError> errors, String type, String title) {
        if (!errors.isEmpty()) {
            throw new ProblemException(422, type, title, errors.size() + " field(s) are invalid: " + errors.get(0).pointer()
                    + " " + errors.get(0).detail(), errors);
        }
    }
}
