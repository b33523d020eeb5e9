package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.calloff.domain.AwardCriterion;
import no.skymarked.calloff.domain.CompetitionTerms;
import no.skymarked.calloff.domain.CriterionType;
import no.skymarked.calloff.domain.Normalisation;
import no.skymarked.calloff.domain.PriceModel;
import no.skymarked.calloff.domain.TieBreakRule;
import no.skymarked.calloff.domain.WeightedCriterion;
import no.skymarked.shared.Json;
import no.skymarked.shared.ProblemException;

/**
 * A call-off as the mini-competition sees it inside one transaction: the row, its framework and lot, the
 * competition document (terms and everything decided since; a mutable copy) and the suppliers' standing.
 */
record CompetitionState(CallOffStore.Row row, JsonNode framework, int frameworkVersion, JsonNode lot, ObjectNode competition,
                        List<CompetitionStore.Party> parties) {

    /** How the caller relates to this call-off. */
    enum Viewer { BUYER, AUDITOR, INVITED_SUPPLIER, EDITOR, NONE }

    String id() {
        return row.id();
    }

    String status() {
        return row.status();
    }

    Instant deadline() {
        return row.tenderDeadline();
    }

    boolean invited(String orgNo) {
        return parties.stream().anyMatch(p -> p.orgNo().equals(orgNo) && "INVITED".equals(p.status()));
    }

    List<String> invitedOrgNos() {
        return parties.stream().filter(p -> "INVITED".equals(p.status())).map(CompetitionStore.Party::orgNo).toList();
    }

    Viewer viewer(Principal p) {
        if (p.actsFor(Role.BUYER, row.buyerOrgNo())) {
            return Viewer.BUYER;
        }
        if (p.has(Role.AUDITOR)) {
            return Viewer.AUDITOR;
        }
        if (p.has(Role.SUPPLIER) && invited(p.orgNo())) {
            return Viewer.INVITED_SUPPLIER;
        }
        return p.has(Role.EDITOR) ? Viewer.EDITOR : Viewer.NONE;
    }

    /** The buyer of this call-off; others who may see it get 403, the rest 404. */
    void requireBuyer(Principal p, String what) {
        Viewer v = viewer(p);
        if (v == Viewer.BUYER) {
            return;
        }
        if (v == Viewer.NONE || v == Viewer.EDITOR && !p.has(Role.BUYER)) {
            throw ProblemException.notFound("Call-off", row.id());
        }
        throw new ProblemException(403, "/problems/forbidden", "Forbidden", "only the buyer of the call-off may " + what, List.of());
    }

    /** The buyer of this call-off or an auditor; for anyone else {@code what} does not exist (404). */
    void requireBuyerOrAuditor(Principal p, String what) {
        Viewer v = viewer(p);
        if (v != Viewer.BUYER && v != Viewer.AUDITOR) {
            throw ProblemException.notFound(what, row.id());
        }
    }

    void requireStatus(String what, String... allowed) {
        if (!Set.of(allowed).contains(row.status())) {
            throw new ProblemException(409, "/problems/invalid-status", "Not possible now", "cannot " + what + " while the call-off is "
                    + row.status() + " (possible when " + String.join(" or ", allowed) + ")", List.of());
        }
    }

    /** The competition is published and still receiving (strictly before the deadline); 409 otherwise. */
    void requireReceiving(Instant now, String what) {
        requireMiniCompetition();
        if ("DRAFT".equals(status())) {
            throw new ProblemException(409, "/problems/not-published", "Not published", "the mini-competition is not published yet", List.of());
        }
        if (!"TENDERING".equals(status()) || !no.skymarked.calloff.domain.Sealing.receives(deadline(), now)) {
            throw new ProblemException(409, "/problems/tender-deadline-passed", "Deadline passed", "cannot " + what + ": the tender"
                    + " deadline " + deadline() + " (" + CallOffViews.oslo(deadline()) + " Europe/Oslo) has passed", List.of());
        }
    }

    void requireMiniCompetition() {
        if (!"MINI_COMPETITION".equals(row.route())) {
            throw new ProblemException(409, "/problems/not-a-mini-competition", "Not a mini-competition", "call-off " + row.id()
                    + " is a direct award in ranked order; it has no publication, tenders or evaluation", List.of());
        }
    }

    /** The framework's award criteria. */
    List<AwardCriterion> frameworkCriteria() {
        List<AwardCriterion> out = new ArrayList<>();
        framework.path("awardCriteria").forEach(c -> out.add(new AwardCriterion(c.path("id").asText(),
                CriterionType.valueOf(c.path("type").asText()), new BigDecimal(c.path("minWeight").asText()),
                new BigDecimal(c.path("maxWeight").asText()))));
        return out;
    }

    /** The published terms, read back from the competition document. */
    CompetitionTerms terms() {
        List<WeightedCriterion> criteria = new ArrayList<>();
        competition.path("criteria").forEach(c -> criteria.add(new WeightedCriterion(c.path("criterionId").asText(),
                CriterionType.valueOf(c.path("type").asText()), new BigDecimal(c.path("weight").asText()))));
        List<TieBreakRule> tieBreak = new ArrayList<>();
        competition.path("tieBreak").forEach(t -> tieBreak.add(TieBreakRule.valueOf(t.asText())));
        return new CompetitionTerms(criteria, PriceModel.valueOf(competition.path("priceModel").asText()),
                Normalisation.valueOf(competition.path("normalisation").asText()), tieBreak,
                competition.hasNonNull("tiePrecisionDecimals") ? competition.path("tiePrecisionDecimals").asInt() : null);
    }

    /**
     * The framework's hourly rates of one supplier of the lot, by role: as fixed at publication (so a later framework
     * edit does not move the ceiling of a running competition), else as the framework has them now.
     */
    Map<String, BigDecimal> frameworkRates(String orgNo) {
        JsonNode fixed = competition == null ? null : competition.path("rateCeilings").get(orgNo);
        if (fixed != null) {
            Map<String, BigDecimal> out = new java.util.HashMap<>();
            fixed.fields().forEachRemaining(e -> out.put(e.getKey(), new BigDecimal(e.getValue().asText())));
            return out;
        }
        return currentRates(orgNo);
    }

    Map<String, BigDecimal> currentRates(String orgNo) {
        for (JsonNode s : lot.path("suppliers")) {
            if (s.path("orgNo").asText().equals(orgNo)) {
                List<JsonNode> rates = new ArrayList<>();
                s.path("rates").forEach(rates::add);
                return rates.stream().collect(Collectors.toMap(r -> r.path("roleId").asText(),
                        r -> new BigDecimal(r.path("hourlyRate").path("amount").asText()), BigDecimal::min));
            }
        }
        return Map.of();
    }

    ObjectNode copyOfCompetition() {
        return competition == null ? Json.MAPPER.createObjectNode() : competition.deepCopy();
    }
}
