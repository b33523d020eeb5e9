package no.skymarked.framework;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may accede to a framework (FOA § 26-1(3)): only agencies identified in the notice — the framework's
 * eligible agencies and the members of its eligible groups; after the award only those its late-accession clause names
 * (E18) — while the framework is active, and only to its lots.
 */
public final class AccessionPolicy {
    private AccessionPolicy() {
    }

    /** Why an accession is refused: a stable code and a sentence. */
    public record Refusal(String code, String detail, String pointer) {
    }

    public static Optional<Refusal> check(JsonNode framework, String agencyOrgNo, List<String> lots, LocalDate today) {
        if (!"ACTIVE".equals(framework.path("status").asText())) {
            return Optional.of(new Refusal("framework-not-active", "the framework is " + framework.path("status").asText(), null));
        }
        LocalDate start = LocalDate.parse(framework.path("period").path("startDate").asText());
        if (today.isBefore(start) || today.isAfter(currentEndDate(framework))) {
            return Optional.of(new Refusal("framework-not-active", "the framework runs " + start + " to "
                    + currentEndDate(framework) + "; today is " + today, null));
        }
        if (!Eligibility.identifies(framework, agencyOrgNo)) {
            return Optional.of(new Refusal("agency-not-eligible", "agency " + agencyOrgNo
                    + " is not among the agencies identified in the framework's notice (FOA § 26-1(3))", "/agencyOrgNo"));
        }
        if (!Eligibility.mayAccedeOn(framework, agencyOrgNo, today)) {
            return Optional.of(new Refusal("late-accession-not-allowed", "the framework was awarded on "
                    + Eligibility.awardDate(framework) + "; agency " + agencyOrgNo + " may accede after that only where the"
                    + " framework's late-accession clause names it, and "
                    + (framework.has("lateAccession") ? "its clause does not" : "the framework has no such clause"), "/agencyOrgNo"));
        }
        List<String> known = lotIds(framework);
        for (int i = 0; i < lots.size(); i++) {
            if (!known.contains(lots.get(i))) {
                return Optional.of(new Refusal("lot-unknown", "the framework has no lot '" + lots.get(i) + "'", "/lots/" + i));
            }
        }
        return Optional.empty();
    }

    /** End of the initial period plus the options exercised so far ({@link no.skymarked.catalogdata.FrameworkPeriod}). */
    public static LocalDate currentEndDate(JsonNode framework) {
        return no.skymarked.catalogdata.FrameworkPeriod.currentEndDate(framework);
    }

    public static List<String> lotIds(JsonNode framework) {
        List<String> ids = new ArrayList<>();
        framework.path("lots").forEach(l -> ids.add(l.path("id").asText()));
        return ids;
    }
}
