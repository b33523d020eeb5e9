package no.skymarked.calloff.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The command to submit (or replace) a tender: an hourly rate per role of the estimate and optional details.
 * {@code formProblems} are the body's violations of the spec's schema, refused together with the tender's other
 * problems once the supplier may tender at all (a rate or role that is not well-formed is null).
 */
public record SubmitTender(List<Rate> rates, String solutionDescription, List<TenderContent.Subcontractor> subcontractors,
                           LocalDate validUntil, List<Refusal.Field> formProblems) {
    public SubmitTender {
        rates = List.copyOf(rates);
        subcontractors = List.copyOf(subcontractors);
        formProblems = List.copyOf(formProblems);
    }

    /** A rate as given (NOK excluding VAT). */
    public record Rate(String roleId, BigDecimal hourlyRate) {
    }
}
