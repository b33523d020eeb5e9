package no.skymarked.calloff.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.CallOffStatus;
import no.skymarked.calloff.domain.Cascade;
import no.skymarked.calloff.domain.CascadeEvent;
import no.skymarked.calloff.domain.CascadeStep;
import no.skymarked.calloff.domain.DirectCallOff;
import no.skymarked.calloff.domain.Route;
import no.skymarked.calloff.domain.RouteDecision;
import no.skymarked.calloff.domain.SplittingCheck;
import no.skymarked.calloff.domain.SplittingFlag;
import no.skymarked.calloff.domain.SplittingJustification;
import no.skymarked.calloff.domain.WorkingDayCalendar;

/** The transactional part of calling off: splitting check, the call-off and its cascade, the protocol, the value booked. */
final class StartingCallOff {
    /** A direct call-off for a need that earlier direct call-offs in the window share (E7). */
    static final String SPLITTING_SUSPECTED = "SPLITTING_SUSPECTED";
    /** ... that took the need above the threshold, made with a justification and another person's approval (E7). */
    static final String SPLITTING_JUSTIFIED = "SPLITTING_JUSTIFIED";
    private final Ports ports;

    StartingCallOff(Ports ports) {
        this.ports = ports;
    }

    CallOff start(Principal buyer, CreatingCallOff.Checked c) {
        String id = CreatingCallOff.newId();
        List<String> flags = new ArrayList<>(c.route().flags().stream().map(Enum::name).toList());
        SplittingFlag splitting = c.route().route() == Route.DIRECT_AWARD ? splitting(buyer, c, id) : null;
        if (splitting != null && splitting.level() != SplittingFlag.Level.NONE) {
            flags.add(SPLITTING_SUSPECTED);
            if (splitting.exceedsThreshold() && withinThreshold(c)) {
                flags.add(SPLITTING_JUSTIFIED);
            }
        }
        CallOff callOff = CallOff.create(id, buyer.orgNo(), c.command().frameworkId(), c.command().lotId(), c.framework().version(),
                CreatingCallOff.details(c, flags), c.ceilingValue(), c.route().route(), c.now());
        List<CascadeEvent> events = List.of();
        Cascade cascade = null;
        if (c.route().route() == Route.DIRECT_AWARD) {
            cascade = Cascades.fresh(id, c.lot(), c.estimate());
            events = ((CascadeStep.Applied) cascade.start(c.now(), Cascades.deadlines(c.framework()))).events();
            callOff.follow(cascade);
        }
        ports.callOffs().insert(callOff);
        if (cascade != null) {
            ports.callOffs().saveOffers(id, cascade.offers(), List.of(), c.now(), java.util.Map.of());
        }
        ports.protocol().start(callOff, protocol(buyer, c, callOff, flags, splitting, events));
        reserve(c, callOff);
        return callOff;
    }

    /**
     * E7 across the framework's lots; a call-off within the threshold that takes the same need above it is refused
     * without a justification and another person's approval. A direct award under the exception is approved already.
     */
    private SplittingFlag splitting(Principal buyer, CreatingCallOff.Checked c, String id) {
        String framework = c.command().frameworkId();
        java.time.LocalDate today = c.now().atZone(WorkingDayCalendar.OSLO).toLocalDate();
        java.time.Instant since = today.minusDays(SplittingCheck.DEFAULT_WINDOW_DAYS).atStartOfDay(WorkingDayCalendar.OSLO).toInstant();
        SplittingFlag flag = SplittingCheck.check(c.framework().thresholdHours(), ports.callOffs().directCallOffs(buyer.orgNo(), framework, since),
                new DirectCallOff(id, buyer.orgNo(), framework, c.command().lotId(), today, c.estimate().total(), CallOffStatus.OFFERED,
                        CreatingCallOff.details(c, List.of()).need()));
        if (withinThreshold(c)) {
            SplittingCheck.justified(flag, c.command().splitting(), buyer.person()).ifPresent(v -> {
                throw Refusal.invalid(Refusal.typeOf(v.code()), v.pointer(), v.message());
            });
        }
        return flag;
    }

    private static boolean withinThreshold(CreatingCallOff.Checked c) {
        return RouteDecision.WITHIN_THRESHOLD.equals(c.route().reasonCode());
    }

    private static List<ProtocolEntry> protocol(Principal buyer, CreatingCallOff.Checked c, CallOff callOff, List<String> flags,
                                                SplittingFlag splitting, List<CascadeEvent> events) {
        List<ProtocolEntry> out = new ArrayList<>();
        out.add(new ProtocolEntry(c.now(), Actor.of(buyer), "CALL_OFF_CREATED", callOff.details()));
        out.add(new ProtocolEntry(c.now(), ProtocolEntry.SYSTEM, "ROUTE_DECIDED", Payload.of("route", c.route().route().name(),
                "reason", c.route().reasonCode(), "totalHours", c.estimate().total().toPlainString(),
                "thresholdHours", c.framework().thresholdHours().toPlainString(), "frameworkVersion", c.framework().version(), "flags", flags,
                "exception", callOff.details().exception(), "requestedBy", buyer.person())));
        conversion(c).ifPresent(out::add);
        if (splitting != null && splitting.level() != SplittingFlag.Level.NONE) {
            out.add(new ProtocolEntry(c.now(), ProtocolEntry.SYSTEM, "SPLITTING_CHECKED", splittingPayload(buyer, c, splitting)));
        }
        events.forEach(e -> out.add(new ProtocolEntry(c.now(), ProtocolEntry.SYSTEM, e.type().name(), DirectAwards.payload(e))));
        return out;
    }

    /** Says that the framework's foreign-currency amounts were converted to NOK, at which rate of which date (E45). */
    private static java.util.Optional<ProtocolEntry> conversion(CreatingCallOff.Checked c) {
        var x = c.framework().conversion();
        return java.util.Optional.ofNullable(x).map(rate -> new ProtocolEntry(c.now(), ProtocolEntry.SYSTEM, "AMOUNTS_CONVERTED_TO_NOK",
                Payload.of("currency", rate.currency(), "nokPerUnit", rate.nokPerUnit().toPlainString(), "rateDate",
                        rate.rateDate().toString(), "detail", "the framework's amounts in " + rate.currency() + " are converted at "
                                + rate.nokPerUnit().toPlainString() + " NOK per " + rate.currency() + " (rate of " + rate.rateDate()
                                + "), rounded to øre half up; the call-off's values are in NOK")));
    }

    /** What the splitting check found, and for a call-off it let through above the threshold, who justified and approved it. */
    private static java.util.Map<String, Object> splittingPayload(Principal buyer, CreatingCallOff.Checked c, SplittingFlag s) {
        java.util.Map<String, String> sameNeedBy = new java.util.LinkedHashMap<>();
        s.bases().forEach((id, basis) -> sameNeedBy.put(id, basis.name()));
        SplittingJustification j = s.exceedsThreshold() && withinThreshold(c) ? c.command().splitting() : null;
        return Payload.of("level", s.level().name(), "totalHours", SplittingCheck.plain(s.totalHours()),
                "thresholdHours", SplittingCheck.plain(s.thresholdHours()), "windowDays", s.windowDays(), "callOffs", s.involvedIds(),
                "sameNeedBy", sameNeedBy, "approvedUnder", s.exceedsThreshold() && !withinThreshold(c) ? RouteDecision.EXCEPTION : null,
                "justification", j == null ? null : j.justification(), "approvedBy", j == null ? null : j.approvedBy(),
                "requestedBy", j == null ? null : buyer.person());
    }

    /** The last write of the transaction: one conditional booking against the framework's maximum value. */
    private void reserve(CreatingCallOff.Checked c, CallOff callOff) {
        BigDecimal max = c.framework().maxValue().amount();
        ports.ledger().reserve(c.command().frameworkId(), callOff.id(), callOff.committedValue(), max).ifPresent(committed -> {
            throw Refusal.invalid("/problems/max-value-exceeded", "/estimatedHours", "the call-off (up to NOK "
                    + callOff.estimatedValue().toPlainString() + ") would take the framework past its maximum value NOK "
                    + max.toPlainString() + " (committed: NOK " + committed.toPlainString() + ")");
        });
    }
}
