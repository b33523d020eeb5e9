package no.skymarked.calloff.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.Approvals;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.CallOffDetails;
import no.skymarked.calloff.domain.CallOffEstimate;
import no.skymarked.calloff.domain.EstimateLine;
import no.skymarked.calloff.domain.FrameworkTerms;
import no.skymarked.calloff.domain.RoleHours;
import no.skymarked.calloff.domain.Route;
import no.skymarked.calloff.domain.RouteDecision;
import no.skymarked.calloff.domain.RouteException;
import no.skymarked.calloff.domain.WorkingDayCalendar;

/**
 * Calling off: checks the framework, the lot, the accession, the estimate and the roles; decides the route; then,
 * in one transaction, stores the call-off, starts the cascade of a direct award, records the protocol and books the
 * call-off's value against the framework's maximum (last, so unrelated call-offs do not wait for each other).
 */
public final class CreatingCallOff {
    private final Ports ports;
    private final StartingCallOff starting;

    public CreatingCallOff(Ports ports) {
        this.ports = ports;
        this.starting = new StartingCallOff(ports);
    }

    /** The checked request: framework terms, lot, estimate in hours, accession, route decision and ceiling value. */
    record Checked(CreateCallOff command, FrameworkTerms framework, FrameworkTerms.Lot lot, List<EstimateLine> lines,
                   CallOffEstimate estimate, String accessionId, RouteDecision.Allowed route, BigDecimal ceilingValue, Instant now) {
    }

    /** Creates a call-off for the caller's organisation; {@code render} gives the answer kept for the Idempotency-Key. */
    public Created<CallOff> create(Principal buyer, CreateCallOff command, Function<CallOff, String> render) {
        Optional<String> replayed = replay(buyer, command.idempotency());
        if (replayed.isPresent()) {
            return new Created<>(null, replayed.get());
        }
        Checked checked = check(buyer, command);
        return ports.transactions().inTransaction(() -> {
            CallOff callOff = starting.start(buyer, checked);
            if (command.idempotency() != null) {
                ports.responses().remember(buyer.orgNo(), command.idempotency().key(), command.idempotency().requestHash(), 201,
                        render.apply(callOff), checked.now());
            }
            return new Created<>(callOff, null);
        });
    }

    /** The answer kept for this Idempotency-Key and request; refused when the key came with another request. */
    public Optional<String> replay(Principal buyer, Idempotency key) {
        if (key == null) {
            return Optional.empty();
        }
        var stored = ports.responses().find(buyer.orgNo(), key.key());
        if (stored.isPresent() && !stored.get().requestHash().equals(key.requestHash())) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "/problems/idempotency-key-reused", "Idempotency key reused",
                    "this Idempotency-Key was used with another request body", List.of());
        }
        return stored.map(StoredResponses.Stored::body);
    }

    private Checked check(Principal buyer, CreateCallOff command) {
        checkServiceVersions(command);
        Instant now = ports.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);  // as the database keeps it
        LocalDate today = now.atZone(WorkingDayCalendar.OSLO).toLocalDate();
        FrameworkTerms framework = ports.catalogue().terms(command.frameworkId()).orElseThrow(() -> Refusal.invalid(
                "/problems/framework-unknown", "/frameworkId", "no framework '" + command.frameworkId() + "'"));
        List<EstimateLine> lines = inHours(command.lines(), framework.hoursPerDay());
        FrameworkTerms.Lot lot = framework.lot(command.lotId()).orElseThrow(() -> Refusal.invalid("/problems/lot-unknown", "/lotId",
                "framework '" + command.frameworkId() + "' has no lot '" + command.lotId() + "'"));
        FrameworkUse.require(framework, buyer.orgNo(), today, "call off");
        String accession = ports.accessions().validAccession(command.frameworkId(), buyer.orgNo(), command.lotId(), today)
                .orElseThrow(() -> Refusal.invalid("/problems/agency-not-acceded", "/frameworkId", "agency " + buyer.orgNo()
                        + " has no valid accession to lot '" + command.lotId() + "' of '" + command.frameworkId() + "'"));
        CallOffEstimate estimate = new CallOffEstimate(lines.stream().map(l -> new RoleHours(l.roleId(), l.hours())).toList());
        estimate.validate().ifPresent(r -> {
            throw Refusal.invalid("/problems/invalid-estimate", "/estimatedHours", r.message());
        });
        checkRoles(lot, estimate);
        return new Checked(command, framework, lot, lines, estimate, accession, route(framework, estimate, command, buyer.person()),
                ceilingValue(lot, estimate), now);
    }

    private void checkServiceVersions(CreateCallOff command) {
        for (int i = 0; i < command.serviceVersions().size(); i++) {
            var ref = command.serviceVersions().get(i);
            if (!ports.catalogue().serviceVersionExists(ref.serviceId(), ref.version())) {
                throw Refusal.invalid("/problems/service-version-unknown", "/serviceVersions/" + i,
                        "no version " + ref.version() + " of service '" + ref.serviceId() + "' in the catalogue");
            }
        }
    }

    /** Lines given in days are converted with the framework's hours per day (E4); without one they are refused. */
    private static List<EstimateLine> inHours(List<EstimateLine> lines, BigDecimal hoursPerDay) {
        List<EstimateLine> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            EstimateLine line = lines.get(i);
            if (line.days() != null && hoursPerDay == null) {
                throw Refusal.invalid("/problems/hours-per-day-not-configured", "/estimatedHours/" + i + "/days",
                        "the framework sets no hours per day, so the estimate must be given in hours");
            }
            out.add(line.days() == null ? line : new EstimateLine(line.roleId(), line.days().multiply(hoursPerDay), line.days()));
        }
        return out;
    }

    /** Every role of the estimate must be priced by every active supplier of the lot. */
    private static void checkRoles(FrameworkTerms.Lot lot, CallOffEstimate estimate) {
        List<RoleHours> roles = estimate.roles();
        for (int i = 0; i < roles.size(); i++) {
            String roleId = roles.get(i).roleId();
            for (FrameworkTerms.Member m : lot.active()) {
                if (!m.rates().containsKey(roleId)) {
                    throw Refusal.invalid("/problems/role-not-in-price-list", "/estimatedHours/" + i + "/roleId",
                            "role '" + roleId + "' has no price in lot '" + lot.id() + "' (supplier " + m.orgNo() + ")");
                }
            }
        }
    }

    /** No requested route means the framework's default, direct award in ranked order (refused above the threshold). */
    private static RouteDecision.Allowed route(FrameworkTerms framework, CallOffEstimate estimate, CreateCallOff command,
                                               String requester) {
        Optional<Route> requested = Optional.ofNullable(command.requestedRoute()).or(() -> Optional.of(Route.DIRECT_AWARD));
        RouteDecision.Result decision = RouteDecision.decide(framework.thresholdHours(), estimate, requested,
                Optional.ofNullable(command.exception()), command.miniCompetitionReason(), requester);
        if (decision instanceof RouteDecision.Refused refused) {
            throw Refusal.invalid(Refusal.typeOf(refused.code()), pointerOf(refused.code(), command), refused.message());
        }
        return (RouteDecision.Allowed) decision;
    }

    private static String pointerOf(String code, CreateCallOff command) {
        return switch (code) {
            case RouteDecision.EXCEPTION_CONDITIONS_NOT_MET -> "/exception";
            case RouteException.EXCEPTION_APPROVAL_REQUIRED, Approvals.APPROVER_IS_REQUESTER -> "/exception/approvedBy";
            case RouteException.EXCEPTION_FOLLOW_UP_PLAN_REQUIRED -> "/exception/followUpPlan";
            case RouteException.EXCEPTION_UNFORESEEABILITY_NOT_CONFIRMED -> "/exception/approverConfirmsUnforeseeable";
            case RouteDecision.MINI_COMPETITION_REASON_REQUIRED -> "/miniCompetitionReason";
            case RouteDecision.THRESHOLD_REQUIRES_MINI_COMPETITION -> command.requestedRoute() != null ? "/requestedRoute" : "/estimatedHours";
            default -> "/estimatedHours";
        };
    }

    /** The highest value the call-off can reach in the lot: hours × the highest active rate per role. */
    private static BigDecimal ceilingValue(FrameworkTerms.Lot lot, CallOffEstimate estimate) {
        BigDecimal total = BigDecimal.ZERO;
        for (RoleHours rh : estimate.roles()) {
            total = total.add(lot.highestActiveRate(rh.roleId()).multiply(rh.hours()));
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    static CallOffDetails details(Checked c, List<String> flags) {
        CreateCallOff cmd = c.command();
        return new CallOffDetails(cmd.title(), cmd.needDescription(), c.lines(), cmd.requestedRoute(), cmd.exception(),
                cmd.miniCompetitionReason(), cmd.buyerReference(), c.route().reasonCode(), c.accessionId(), flags,
                cmd.serviceVersions(), cmd.projectReference(), cmd.splitting());
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
