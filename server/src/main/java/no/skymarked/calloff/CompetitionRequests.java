package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.skymarked.calloff.domain.CallOffEstimate;
import no.skymarked.calloff.domain.Normalisation;
import no.skymarked.calloff.domain.PriceModel;
import no.skymarked.calloff.domain.TenderPricing;
import no.skymarked.calloff.domain.TermsCheck;
import no.skymarked.calloff.domain.TieBreakRule;
import no.skymarked.calloff.domain.WorkingDayCalendar;
import no.skymarked.catalogdata.OrganisationNumber;
import no.skymarked.shared.Json;
import no.skymarked.shared.Problem;
import no.skymarked.shared.ProblemException;

/** The bodies of the mini-competition's requests, read strictly; every problem is reported with its pointer. */
final class CompetitionRequests {
    private static final int MAX_TEXT = 10_000;
    private static final int MAX_DESCRIPTION = 100_000;

    private CompetitionRequests() {
    }

    /** Why a supplier of the lot is not invited (M1); suspended and terminated suppliers are excluded without asking. */
    enum ExclusionReason { CONFLICT_OF_INTEREST, COMPETENCE_AREA_NOT_COVERED, OTHER_OBJECTIVE_REASON }

    record Exclusion(String orgNo, ExclusionReason reason, String detail) {
    }

    record Publication(Instant tenderDeadline, List<TermsCheck.Choice> criteria, PriceModel priceModel, Normalisation normalisation,
                       List<TieBreakRule> tieBreak, Integer tiePrecisionDecimals, int voluntaryStandstillDays,
                       List<Exclusion> exclusions, BigDecimal documentedBudget) {
    }

    static Publication publication(JsonNode body) {
        BodyReader r = new BodyReader();
        r.only(body, "", Set.of("tenderDeadline", "criteria", "priceModel", "normalisation", "tieBreak", "tiePrecisionDecimals",
                "voluntaryStandstillDays", "excludedSuppliers", "documentedBudget"));
        Instant deadline = deadline(body, r);
        List<TermsCheck.Choice> criteria = new ArrayList<>();
        JsonNode list = r.array(body, "", "criteria", true);
        if (list != null && list.isEmpty()) {
            r.add("/criteria", "give at least the price criterion: [{\"criterionId\": \"price\", \"weight\": \"0.35\"}, …]");
        }
        for (int i = 0; list != null && i < list.size(); i++) {
            String at = "/criteria/" + i;
            r.only(list.get(i), at, Set.of("criterionId", "weight"));
            String id = r.text(list.get(i), at, "criterionId", 60, true);
            BigDecimal weight = r.decimal(list.get(i), at, "weight", 1, true);
            if (weight != null && (weight.signum() < 0 || weight.compareTo(BigDecimal.ONE) > 0)) {
                r.add(at + "/weight", "must be a fraction from 0 to 1, e.g. \"0.35\" for 35 %");
            }
            criteria.add(new TermsCheck.Choice(id, weight));
        }
        PriceModel model = r.enumOf(PriceModel.class, body, "", "priceModel", true);
        Normalisation normalisation = r.enumOf(Normalisation.class, body, "", "normalisation", false);
        List<TieBreakRule> tieBreak = TieBreakRule.DEFAULT_ORDER;
        JsonNode rules = r.array(body, "", "tieBreak", false);
        if (rules != null) {
            List<TieBreakRule> given = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                ObjectNode holder = Json.MAPPER.createObjectNode();
                holder.set(String.valueOf(i), rules.get(i));
                TieBreakRule rule = r.enumOf(TieBreakRule.class, holder, "/tieBreak", String.valueOf(i), true);
                if (rule != null && given.contains(rule)) {
                    r.add("/tieBreak/" + i, rule + " is given twice");
                } else if (rule != null) {
                    given.add(rule);
                }
            }
            tieBreak = given;
        }
        Integer precision = r.integer(body, "", "tiePrecisionDecimals", 0, 10, false);
        Integer standstill = r.integer(body, "", "voluntaryStandstillDays", 0, 30, false);
        List<Exclusion> exclusions = new ArrayList<>();
        JsonNode excluded = r.array(body, "", "excludedSuppliers", false);
        Set<String> seen = new HashSet<>();
        for (int i = 0; excluded != null && i < excluded.size(); i++) {
            String at = "/excludedSuppliers/" + i;
            r.only(excluded.get(i), at, Set.of("orgNo", "reason", "detail"));
            String org = r.text(excluded.get(i), at, "orgNo", 20, true);
            if (org != null && !OrganisationNumber.isValid(org)) {
                r.add(at + "/orgNo", "'" + org + "' is not a valid organisation number");
            } else if (org != null && !seen.add(org)) {
                r.add(at + "/orgNo", org + " is excluded twice");
            }
            ExclusionReason reason = r.enumOf(ExclusionReason.class, excluded.get(i), at, "reason", true);
            String detail = r.text(excluded.get(i), at, "detail", MAX_TEXT, true);
            exclusions.add(new Exclusion(org, reason, detail));
        }
        BigDecimal budget = null;
        if (body.has("documentedBudget")) {
            budget = money(r, body.path("documentedBudget"), "/documentedBudget");
        }
        r.failIfAny("/problems/invalid-publication", "Invalid publication");
        return new Publication(deadline, criteria, model, normalisation == null ? Normalisation.NONE : normalisation, tieBreak,
                precision, standstill == null ? 0 : standstill, exclusions, budget);
    }

    /**
     * With an offset it is an instant; without (or suffixed {@code [Europe/Oslo]}), a Europe/Oslo wall-clock time that
     * must exist exactly once (E31); a date alone means 12:00 Oslo time that day (domain rules §6.6).
     */
    private static Instant deadline(JsonNode body, BodyReader r) {
        String text = r.text(body, "", "tenderDeadline", 60, true);
        if (text == null) {
            return null;
        }
        if (text.matches(".*([zZ]|[+-][0-9]{2}:[0-9]{2})$")) {
            return r.instant(body, "", "tenderDeadline", true);
        }
        text = text.endsWith("[Europe/Oslo]") ? text.substring(0, text.length() - "[Europe/Oslo]".length()) : text;
        if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            text = text + "T12:00";
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text);
            var problem = TermsCheck.localTimeProblem(local);
            if (problem.isPresent()) {
                r.add(problem.get().pointer(), problem.get().message());
                return null;
            }
            return local.atZone(WorkingDayCalendar.OSLO).toInstant();
        } catch (DateTimeParseException e) {
            r.add("/tenderDeadline", "must be a date-time, e.g. 2026-12-10T12:00:00+01:00, or Oslo time 2026-12-10T12:00");
            return null;
        }
    }

    private static BigDecimal money(BodyReader r, JsonNode money, String at) {
        r.only(money, at, Set.of("amount", "currency"));
        BigDecimal amount = r.decimal(money, at, "amount", 13, true);
        String currency = r.text(money, at, "currency", 3, true);
        if (currency != null && !"NOK".equals(currency)) {
            r.add(at + "/currency", "must be NOK (amounts are NOK excluding VAT)");
        }
        if (amount != null && amount.signum() <= 0) {
            r.add(at + "/amount", "must be positive");
            return null;
        }
        if (amount != null && amount.scale() > 2) {
            r.add(at + "/amount", "has more than 2 decimals (øre)");
            return null;
        }
        return amount;
    }

    /** A tender as given; {@link #checkTender} checks it against the call-off and the framework rates. */
    record TenderBody(JsonNode body) {
    }

    static TenderBody tender(JsonNode body) {
        return new TenderBody(body);
    }

    /**
     * The tender's content to seal: an hourly rate for every role of the estimate, none above the supplier's
     * framework rate (a substantial deviation, E32), optional solution description, subcontractors and validity.
     */
    static ObjectNode checkTender(TenderBody given, CallOffEstimate estimate, Map<String, BigDecimal> frameworkRates) {
        JsonNode body = given.body();
        BodyReader r = new BodyReader();
        r.only(body, "", Set.of("rates", "solutionDescription", "subcontractors", "validUntil"));
        ObjectNode content = Json.MAPPER.createObjectNode();
        ArrayNode rates = content.putArray("rates");
        JsonNode list = r.array(body, "", "rates", true);
        Set<String> roles = new HashSet<>();
        estimate.roles().forEach(h -> roles.add(h.roleId()));
        Set<String> given2 = new HashSet<>();
        Map<String, BigDecimal> offered = new java.util.LinkedHashMap<>();
        Map<String, String> pointers = new java.util.HashMap<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            String at = "/rates/" + i;
            JsonNode line = list.get(i);
            r.only(line, at, Set.of("roleId", "hourlyRate"));
            String role = r.text(line, at, "roleId", 60, true);
            BigDecimal rate = line.path("hourlyRate").isObject() ? money(r, line.path("hourlyRate"), at + "/hourlyRate") : null;
            if (!line.path("hourlyRate").isObject()) {
                r.add(at + "/hourlyRate", "is required: {\"amount\": \"1150.00\", \"currency\": \"NOK\"}");
            }
            if (role == null) {
                continue;
            }
            if (!roles.contains(role)) {
                r.add(at + "/roleId", "role '" + role + "' is not in the call-off's estimate " + roles);
            } else if (!given2.add(role)) {
                r.add(at + "/roleId", "role '" + role + "' is given twice");
            } else if (rate != null) {
                offered.put(role, rate);
                pointers.put(role, at + "/hourlyRate/amount");
                rates.addObject().put("roleId", role).set("hourlyRate", CallOffViews.money(rate));
            }
        }
        if (list != null) {
            roles.stream().filter(role -> !given2.contains(role)).sorted()
                    .forEach(role -> r.add("/rates", "no hourly rate for role '" + role + "' of the estimate"));
        }
        String description = r.text(body, "", "solutionDescription", MAX_DESCRIPTION, false);
        if (description != null) {
            content.put("solutionDescription", description);
        }
        JsonNode subs = r.array(body, "", "subcontractors", false);
        ArrayNode subcontractors = content.putArray("subcontractors");
        for (int i = 0; subs != null && i < subs.size(); i++) {
            String at = "/subcontractors/" + i;
            r.only(subs.get(i), at, Set.of("name", "orgNo"));
            String name = r.text(subs.get(i), at, "name", 200, true);
            String org = r.text(subs.get(i), at, "orgNo", 20, false);
            if (org != null && !OrganisationNumber.isValid(org)) {
                r.add(at + "/orgNo", "'" + org + "' is not a valid organisation number");
            }
            ObjectNode s = subcontractors.addObject().put("name", name);
            if (org != null) {
                s.put("orgNo", org);
            }
        }
        LocalDate validUntil = r.date(body, "", "validUntil", false);
        if (validUntil != null) {
            content.put("validUntil", validUntil.toString());
        }
        r.failIfAny("/problems/invalid-tender", "Invalid tender");
        List<Problem.FieldError> deviations = TenderPricing.aboveCeiling(offered, frameworkRates).stream()
                .map(role -> Problem.FieldError.pointer(pointers.get(role), "NOK " + offered.get(role).toPlainString()
                        + " exceeds the framework rate NOK " + frameworkRates.get(role).toPlainString() + " for " + role)).toList();
        if (!deviations.isEmpty()) {
            throw new ProblemException(422, "/problems/rate-above-framework", "Substantial deviation", "hourly rates above the"
                    + " framework rates are a substantial deviation (FOA § 24-8(1)b): " + deviations.get(0).detail(), deviations);
        }
        content.set("evaluatedPrice", CallOffViews.money(TenderPricing.evaluatedPrice(offered, estimate)));
        return content;
    }

    /** The text of a question, an answer or a cancellation reason. */
    static String text(JsonNode body, String field) {
        BodyReader r = new BodyReader();
        r.only(body, "", Set.of(field));
        String text = r.text(body, "", field, MAX_TEXT, true);
        r.failIfAny("/problems/invalid-body", "Invalid body");
        return text;
    }
}
