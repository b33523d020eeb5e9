package no.skymarked.calloff.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.FrameworkTerms;
import no.skymarked.calloff.domain.MemberStatus;
import no.skymarked.calloff.domain.Money;
import no.skymarked.calloff.domain.TermsCheck;
import no.skymarked.calloff.domain.Transition;
import no.skymarked.calloff.domain.Violation;
import no.skymarked.calloff.domain.WorkingDayCalendar;

/**
 * Publication of a mini-competition (FOA § 26-3(4) a–c): the terms are checked against the framework and fixed,
 * every active supplier of the lot is invited in writing unless excluded with a reason, and the framework rates of
 * the invited suppliers are fixed as the ceilings of their tenders.
 */
public final class PublishingCompetition {
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar();
    private final CallOffSteps steps;

    public PublishingCompetition(CallOffSteps steps) {
        this.steps = steps;
    }

    public CallOff publish(Principal buyer, String callOffId, Publish p) {
        return steps.change(callOffId, step -> {
            step.viewer(buyer).requireBuyer(buyer, callOffId, "publish the mini-competition");
            step.requireMiniCompetition();
            step.callOff().require(Transition.PUBLISH);
            List<Violation> violations = new ArrayList<>();
            FrameworkTerms framework = step.framework();
            // publication is the invitation: the framework must still be active and still identify the agency
            FrameworkUse.require(framework, buyer.orgNo(), step.now().atZone(WorkingDayCalendar.OSLO).toLocalDate(), "invite tenders");
            TermsCheck.Checked checked = TermsCheck.criteria(framework.criteria(), framework.env79Mode(), framework.env79Reason(),
                    p.criteria());
            violations.addAll(checked.violations());
            TermsCheck.deadline(p.tenderDeadline(), step.now(), step.framework().minTenderWorkingDays(), CALENDAR,
                    step.framework().currentEndDate()).ifPresent(violations::add);
            List<Party> parties = parties(step.lot(), p.exclusions(), violations);
            Violations.refuseIfAny(violations, "/problems/invalid-publication");
            if (parties.stream().noneMatch(Party::invited)) {
                throw Refusal.invalid("/problems/no-supplier-to-invite", "/excludedSuppliers",
                        "every supplier of the lot is excluded; at least one must be invited");
            }
            Competition.Terms terms = terms(step, p, checked, parties);
            step.callOff().publish(Competition.published(terms));
            step.ports().seal().createKey(callOffId, step.now());
            step.changed();
            step.record(Actor.of(buyer), "COMPETITION_PUBLISHED", terms);
            checked.warnings().forEach(w -> step.record(ProtocolEntry.SYSTEM, w.code(), Payload.of("env79Mode",
                    framework.env79Mode().name(), "env79Reason", framework.env79Reason(), "detail", w.message())));
            invite(step, parties, p.exclusions());
        });
    }

    private static Competition.Terms terms(Step step, Publish p, TermsCheck.Checked checked, List<Party> parties) {
        List<String> invited = parties.stream().filter(Party::invited).map(Party::orgNo).toList();
        Map<String, Map<String, java.math.BigDecimal>> ceilings = new LinkedHashMap<>();
        invited.forEach(org -> ceilings.put(org, step.lot().member(org).map(FrameworkTerms.Member::rateAmounts).orElse(new HashMap<>())));
        List<Competition.Exclusion> excluded = parties.stream().filter(x -> !x.invited())
                .map(x -> new Competition.Exclusion(x.orgNo(), x.reason(), null)).toList();
        return new Competition.Terms(step.now(), p.tenderDeadline(), checked.criteria(), p.priceModel(), p.normalisation(),
                p.tieBreak(), p.tiePrecisionDecimals(), p.voluntaryStandstillDays(),
                p.documentedBudget() == null ? null : new Competition.DocumentedBudget(Money.nok(p.documentedBudget()), step.now()),
                invited, excluded, ceilings,
                step.framework().version());
    }

    private static void invite(Step step, List<Party> parties, List<Publish.Exclusion> exclusions) {
        for (Party party : parties) {
            step.ports().competitions().insertParty(step.id(), party);
            String detail = exclusions.stream().filter(e -> e.orgNo().equals(party.orgNo())).map(Publish.Exclusion::detail)
                    .findFirst().orElse(null);
            step.record(ProtocolEntry.SYSTEM, party.invited() ? "SUPPLIER_INVITED" : "SUPPLIER_EXCLUDED", party.invited()
                    ? Payload.of("supplierOrgNo", party.orgNo())
                    : Payload.of("supplierOrgNo", party.orgNo(), "reason", party.reason(), "detail", detail));
        }
    }

    /** Every active supplier of the lot is invited unless excluded with a reason; suspended or terminated ones are excluded (E48). */
    private static List<Party> parties(FrameworkTerms.Lot lot, List<Publish.Exclusion> exclusions, List<Violation> violations) {
        for (int i = 0; i < exclusions.size(); i++) {
            String org = exclusions.get(i).orgNo();
            if (lot.member(org).isEmpty()) {
                violations.add(new Violation("/excludedSuppliers/" + i + "/orgNo", "SUPPLIER_NOT_IN_LOT",
                        "supplier " + org + " is not in lot '" + lot.id() + "'"));
            }
        }
        List<Party> out = new ArrayList<>();
        for (FrameworkTerms.Member m : lot.members()) {
            var excluded = exclusions.stream().filter(e -> e.orgNo().equals(m.orgNo())).findFirst();
            if (m.status() != MemberStatus.ACTIVE) {
                out.add(new Party(m.orgNo(), Party.EXCLUDED, "SUPPLIER_" + m.status()));
            } else if (excluded.isPresent()) {
                out.add(new Party(m.orgNo(), Party.EXCLUDED, excluded.get().reason()));
            } else {
                out.add(new Party(m.orgNo(), Party.INVITED, null));
            }
        }
        return out;
    }
}
