package no.skymarked.calloff.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.CallOffEstimate;
import no.skymarked.calloff.domain.Money;
import no.skymarked.calloff.domain.TenderPricing;
import no.skymarked.calloff.domain.Transition;

/**
 * A supplier submits or replaces its tender strictly before the deadline: a rate for every role of the estimate,
 * none above its framework rate as fixed at publication (a substantial deviation, E32); sealed for the database,
 * with a receipt that reaches the protocol only when the tenders are opened.
 */
public final class SubmittingTender {
    private final CallOffSteps steps;

    public SubmittingTender(CallOffSteps steps) {
        this.steps = steps;
    }

    /** The tender as stored and whether it is the supplier's first. */
    public record Submitted(TenderRead receipt, boolean first) {
    }

    public Submitted submit(Principal supplier, String callOffId, String orgNo, SubmitTender command) {
        Tenderers.requireOwnTender(supplier, orgNo);
        return steps.locked(callOffId, step -> {
            Tenderers.requireInvited(step, supplier);
            Refusal late = Tenderers.lateRefusal(step, supplier, "TENDER_SUBMISSION");
            if (late != null) {
                return Outcome.refused(late);
            }
            step.callOff().require(Transition.TENDER);
            TenderContent content = content(command, step.callOff().estimate(), ceiling(step, orgNo));
            var repository = step.ports().competitions();
            var existing = repository.tender(callOffId, orgNo);
            String ref = existing.map(SealedTender::tenderRef).orElse(UUID.randomUUID().toString());
            SealedTender.Sealed sealed = step.ports().seal().seal(callOffId, Tenderers.boundTo(callOffId, orgNo, ref), content,
                    step.now());
            SealedTender tender = new SealedTender(orgNo, ref, SealedTender.SUBMITTED, existing.map(t -> t.version() + 1).orElse(1),
                    existing.map(SealedTender::firstAt).orElse(step.now()), step.now(), sealed, step.ports().seal().receiptHash(sealed));
            repository.saveTender(callOffId, tender, existing.isPresent());
            repository.receipt(callOffId, tender, SealedTender.SUBMITTED);  // neither the protocol nor the version tells how many tendered
            return Outcome.of(new Submitted(new TenderRead(callOffId, tender, null, step.callOff().tenderDeadline().orElseThrow()),
                    existing.isEmpty()));
        });
    }

    private static Map<String, BigDecimal> ceiling(Step step, String orgNo) {
        Map<String, BigDecimal> fixed = step.competition().ceilingOf(orgNo);
        return fixed.isEmpty() ? step.lot().member(orgNo).map(m -> m.rateAmounts()).orElse(Map.of()) : fixed;
    }

    /** The content to seal, checked against the estimate's roles and the ceilings. */
    static TenderContent content(SubmitTender command, CallOffEstimate estimate, Map<String, BigDecimal> ceilings) {
        Set<String> roles = new HashSet<>();
        estimate.roles().forEach(h -> roles.add(h.roleId()));
        List<Refusal.Field> problems = new ArrayList<>(command.formProblems());
        Map<String, BigDecimal> offered = new LinkedHashMap<>();
        Map<String, String> pointers = new LinkedHashMap<>();
        Set<String> given = new HashSet<>();
        for (int i = 0; i < command.rates().size(); i++) {
            String role = command.rates().get(i).roleId();
            if (role == null) {
                continue;
            }
            if (!roles.contains(role)) {
                problems.add(new Refusal.Field("/rates/" + i + "/roleId", "role '" + role + "' is not in the call-off's estimate " + roles));
            } else if (!given.add(role)) {
                problems.add(new Refusal.Field("/rates/" + i + "/roleId", "role '" + role + "' is given twice"));
            } else if (command.rates().get(i).hourlyRate() != null) {
                offered.put(role, command.rates().get(i).hourlyRate());
                pointers.put(role, "/rates/" + i + "/hourlyRate/amount");
            }
        }
        roles.stream().filter(role -> !given.contains(role)).sorted()
                .forEach(role -> problems.add(new Refusal.Field("/rates", "no hourly rate for role '" + role + "' of the estimate")));
        if (!problems.isEmpty()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "/problems/invalid-tender", "Invalid tender", problems.size()
                    + " field(s) are invalid: " + problems.get(0).pointer() + " " + problems.get(0).detail(), problems);
        }
        refuseAboveCeiling(offered, ceilings, pointers);
        return new TenderContent(offered.entrySet().stream().map(e -> new TenderContent.Rate(e.getKey(), Money.nok(e.getValue()))).toList(),
                command.solutionDescription(), command.subcontractors(), command.validUntil(),
                Money.nok(TenderPricing.evaluatedPrice(offered, estimate)));
    }

    private static void refuseAboveCeiling(Map<String, BigDecimal> offered, Map<String, BigDecimal> ceilings, Map<String, String> pointers) {
        List<Refusal.Field> deviations = TenderPricing.aboveCeiling(offered, ceilings).stream()
                .map(role -> new Refusal.Field(pointers.get(role), "NOK " + offered.get(role).toPlainString()
                        + " exceeds the framework rate NOK " + ceilings.get(role).toPlainString() + " for " + role)).toList();
        if (!deviations.isEmpty()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "/problems/rate-above-framework", "Substantial deviation", "hourly rates above the"
                    + " framework rates are a substantial deviation (FOA § 24-8(1)b): " + deviations.get(0).detail(), deviations);
        }
    }
}
