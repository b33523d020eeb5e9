package no.skymarked.calloff.application;

import java.time.LocalDate;
import java.util.List;
import no.skymarked.calloff.domain.Money;

/** What a tender offers, sealed until the deadline: rates per role, the evaluated price, and optional details. */
public record TenderContent(List<Rate> rates, String solutionDescription, List<Subcontractor> subcontractors,
                            LocalDate validUntil, Money evaluatedPrice) {
    public TenderContent {
        rates = List.copyOf(rates);
        subcontractors = List.copyOf(subcontractors);
    }

    public record Rate(String roleId, Money hourlyRate) {
    }

    public record Subcontractor(String name, String orgNo) {
    }
}
