package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.dbclient.DbExecute;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.Cascade;
import no.skymarked.calloff.domain.CascadeEvent;
import no.skymarked.calloff.domain.CascadeStep;
import no.skymarked.calloff.domain.DeclineReason;
import no.skymarked.calloff.domain.DirectCallOff;
import no.skymarked.calloff.domain.OfferResponse;
import no.skymarked.calloff.domain.ProtocolChain;
import no.skymarked.calloff.domain.ProtocolEvent;
import no.skymarked.calloff.domain.RoleHours;
import no.skymarked.calloff.domain.Route;
import no.skymarked.calloff.domain.RouteDecision;
import no.skymarked.calloff.domain.SplittingCheck;
import no.skymarked.calloff.domain.SplittingFlag;
import no.skymarked.calloff.domain.WorkingDayCalendar;
import no.skymarked.catalogue.CatalogueRepository;
import no.skymarked.framework.AccessionPolicy;
import no.skymarked.framework.AccessionRepository;
import no.skymarked.shared.Bodies;
import no.skymarked.shared.Json;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.Tx;

/**
 * Call-off use cases: create (checks, route decision, cascade start), supplier responses, lapsed deadlines.
 * The rules are the domain package's; this class loads, applies them in one transaction, and records the protocol.
 */
public final class CallOffs {
    private final CallOffStore store;
    private final CatalogueRepository catalogue;
    private final AccessionRepository accessions;
    private final Clock clock;

    public CallOffs(io.helidon.dbclient.DbClient db, CatalogueRepository catalogue, AccessionRepository accessions, Clock clock) {
        this.store = new CallOffStore(db);
        this.catalogue = catalogue;
        this.accessions = accessions;
        this.clock = clock;
    }

    CallOffStore store() {
        return store;
    }

    /** An Idempotency-Key with the hash of the request body it came with. */
    record IdempotencyKey(String key, String requestHash) {
    }

    /** Creates a call-off for the caller's organisation; returns its view (also kept for the idempotency key). */
    JsonNode create(Principal buyer, CallOffRequest given, IdempotencyKey idempotency) {
        return create(buyer, given, idempotency, Json.MAPPER.createArrayNode());
    }

    /**
     * As above; {@code serviceVersions} are the catalogue services (id and version) the buyer saw, each checked to
     * exist and kept with the call-off.
     */
    JsonNode create(Principal buyer, CallOffRequest given, IdempotencyKey idempotency, JsonNode serviceVersions) {
        checkServiceVersions(serviceVersions);
        Instant now = clock.instant();
        LocalDate today = now.atZone(WorkingDayCalendar.OSLO).toLocalDate();
        JsonNode framework = catalogue.framework(given.frameworkId())
                .orElseThrow(() -> Bodies.invalid("/problems/framework-unknown", "/frameworkId", "no framework '" + given.frameworkId() + "'"))
                .document();
        CallOffRequest req = given.resolve(framework.hasNonNull("hoursPerDay") ? new BigDecimal(framework.path("hoursPerDay").asText()) : null);
        JsonNode lot = CascadeReplay.lot(framework, req.lotId());
        if (lot == null) {
            throw Bodies.invalid("/problems/lot-unknown", "/lotId", "framework '" + req.frameworkId() + "' has no lot '" + req.lotId() + "'");
        }
        LocalDate start = LocalDate.parse(framework.path("period").path("startDate").asText());
        LocalDate end = AccessionPolicy.currentEndDate(framework);
        if (!"ACTIVE".equals(framework.path("status").asText()) || today.isBefore(start) || today.isAfter(end)) {
            throw Bodies.invalid("/problems/framework-not-active", "/frameworkId", "the framework is "
                    + framework.path("status").asText() + " and runs " + start + " to " + end + "; today is " + today);
        }
        var accession = accessions.find(req.frameworkId(), buyer.orgNo())
                .filter(a -> a.lots().contains(req.lotId()))
                .filter(a -> !today.isBefore(a.validFrom()) && (a.validTo() == null || !today.isAfter(a.validTo())));
        if (accession.isEmpty()) {
            throw Bodies.invalid("/problems/agency-not-acceded", "/frameworkId", "agency " + buyer.orgNo()
                    + " has no valid accession to lot '" + req.lotId() + "' of '" + req.frameworkId() + "'");
        }
        req.estimate().validate().ifPresent(r -> {
            throw Bodies.invalid("/problems/invalid-estimate", "/estimatedHours", r.message());
        });
        checkRoles(framework, lot, req);
        BigDecimal threshold = new BigDecimal(framework.path("thresholdHours").asText("250"));
        // No requested route means the framework's default, direct award in ranked order (refused above the threshold).
        Optional<Route> requested = req.requestedRoute().or(() -> Optional.of(Route.DIRECT_AWARD));
        RouteDecision.Result decision = RouteDecision.decide(threshold, req.estimate(), requested, req.exception(),
                req.miniCompetitionReason());
        if (decision instanceof RouteDecision.Refused refused) {
            throw Bodies.invalid("/problems/" + kebab(refused.code()), pointerOf(refused.code(), req), refused.message());
        }
        RouteDecision.Allowed allowed = (RouteDecision.Allowed) decision;
        String id = UUID.randomUUID().toString();
        BigDecimal estimatedValue = ceilingValue(lot, req);
        String actor = actor(buyer);
        return Tx.inTransaction(store.db(), tx -> {
            // one call-off at a time per framework past this point, so two cannot together exceed its maximum value
            tx.createGet("select id from framework where id = ? for update").params(req.frameworkId()).execute();
            BigDecimal consumed = store.consumedValue(tx, req.frameworkId());
            BigDecimal max = new BigDecimal(framework.path("maxValue").path("amount").asText());
            if (consumed.add(estimatedValue).compareTo(max) > 0) {
                throw Bodies.invalid("/problems/max-value-exceeded", "/estimatedHours", "the call-off (up to NOK "
                        + estimatedValue.toPlainString() + ") would take the framework past its maximum value NOK "
                        + max.toPlainString() + " (committed: NOK " + consumed.toPlainString() + ")");
            }
            List<String> flags = new ArrayList<>(allowed.flags().stream().map(Enum::name).toList());
            SplittingFlag splitting = null;
            if (allowed.route() == Route.DIRECT_AWARD) {
                splitting = SplittingCheck.check(threshold, store.directCallOffs(tx, buyer.orgNo(), req.frameworkId(), req.lotId(), WorkingDayCalendar.OSLO),
                        new DirectCallOff(id, buyer.orgNo(), req.frameworkId(), req.lotId(), today, req.estimate().total()));
                if (splitting.exceedsThreshold()) {
                    flags.add("SPLITTING_SUSPECTED");
                }
            }
            ObjectNode document = document(req, allowed, flags, accession.get().id());
            if (!serviceVersions.isEmpty()) {
                document.set("serviceVersions", serviceVersions);
            }
            String status = "DRAFT";
            List<CascadeEvent> events = List.of();
            Cascade cascade = null;
            if (allowed.route() == Route.DIRECT_AWARD) {
                cascade = CascadeReplay.fresh(id, framework, lot, req.estimate());
                events = ((CascadeStep.Applied) cascade.start(now, CascadeReplay.deadlines(framework))).events();
                status = statusOf(cascade);
            }
            store.insert(tx, new CallOffStore.Row(id, buyer.orgNo(), req.frameworkId(), req.lotId(), document,
                    req.estimate().total(), estimatedValue, allowed.route().name(), status, null, null, now, 1, null, null));
            if (cascade != null) {
                store.saveOffers(tx, id, cascade.offers(), List.of(), now, Map.of());
            }
            List<ProtocolEvent> chain = new ArrayList<>();
            append(tx, id, chain, now, actor, "CALL_OFF_CREATED", document);
            ObjectNode routeInputs = Json.MAPPER.createObjectNode().put("route", allowed.route().name())
                    .put("reason", allowed.reasonCode()).put("totalHours", req.estimate().total().toPlainString())
                    .put("thresholdHours", threshold.toPlainString());
            routeInputs.set("flags", Json.MAPPER.valueToTree(flags));
            routeInputs.set("exception", document.path("exception"));
            append(tx, id, chain, now, "system", "ROUTE_DECIDED", routeInputs);
            if (splitting != null && splitting.level() != SplittingFlag.Level.NONE) {
                ObjectNode split = Json.MAPPER.createObjectNode().put("level", splitting.level().name())
                        .put("totalHours", splitting.totalHours().toPlainString()).put("windowDays", SplittingCheck.DEFAULT_WINDOW_DAYS);
                split.set("callOffs", Json.MAPPER.valueToTree(splitting.involvedIds()));
                append(tx, id, chain, now, "system", "SPLITTING_CHECKED", split);
            }
            for (CascadeEvent e : events) {
                append(tx, id, chain, now, "system", e.type().name(), cascadeEvent(e));
            }
            JsonNode view = CallOffViews.callOff(store.find(tx, id).orElseThrow());
            if (idempotency != null) {
                store.rememberResponse(tx, buyer.orgNo(), idempotency.key(), idempotency.requestHash(), 201, Json.text(view), now);
            }
            return view;
        });
    }

    /** A supplier's answer to its offer. A late answer still records the lapse, then is refused. */
    void respond(Principal supplier, String callOffId, String offerId, OfferResponse response, DeclineReason reason) {
        Instant now = clock.instant();
        ProblemException refusal = Tx.inTransaction(store.db(), tx -> {
            Loaded c = load(tx, callOffId);
            if ("CANCELLED".equals(c.row().status()) || "CONTRACTED".equals(c.row().status())) {
                return new ProblemException(409, "/problems/offer-closed", "Offer closed", "the call-off is "
                        + c.row().status() + "; its offers are closed", List.of());
            }
            var offer = c.cascade().offers().stream().filter(o -> o.id().equals(offerId) && o.orgNo().equals(supplier.orgNo()))
                    .findFirst().orElseThrow(() -> ProblemException.notFound("Offer", offerId));
            List<CascadeEvent> events = new ArrayList<>(((CascadeStep.Applied) c.cascade().lapse(now)).events());
            boolean late = offer.outcome() == no.skymarked.calloff.domain.OfferOutcome.LAPSED
                    || offer.outcome() == no.skymarked.calloff.domain.OfferOutcome.PENDING && offer.expiredAt(now);
            CascadeStep step = late
                    ? new CascadeStep.Refused(CascadeStep.RESPONSE_AFTER_DEADLINE, "the deadline " + offer.deadline()
                            + " (" + CallOffViews.oslo(offer.deadline()) + " Europe/Oslo) has passed; the offer lapsed")
                    : c.cascade().respond(offer.orgNo(), response, reason, now);
            if (step instanceof CascadeStep.Refused refused) {
                if (!events.isEmpty()) {
                    save(tx, c, events, now, Map.of(), "system");
                }
                return new ProblemException(409, "/problems/" + kebab(refused.code()), "Offer closed", refused.message(), List.of());
            }
            events.addAll(((CascadeStep.Applied) step).events());
            save(tx, c, events, now, response == OfferResponse.DECLINE ? Map.of(offerId, reason.name()) : Map.of(), actor(supplier));
            return null;
        });
        if (refusal != null) {
            throw refusal;
        }
    }

    /** Applies lapsed deadlines of one call-off (on every read, and by the scheduler). */
    void refresh(String callOffId) {
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Tx.inTransaction(store.db(), tx -> {
                    Optional<CallOffStore.Row> row = store.find(tx, callOffId);
                    if (row.isEmpty() || !"OFFERED".equals(row.get().status())) {
                        return null;
                    }
                    Loaded c = load(tx, callOffId);
                    List<CascadeEvent> events = ((CascadeStep.Applied) c.cascade().lapse(now)).events();
                    if (!events.isEmpty()) {
                        save(tx, c, events, now, Map.of(), "system");
                    }
                    return null;
                });
                return;
            } catch (ConcurrentChange e) {
                // another server applied it first; read again
            }
        }
    }

    /** Thrown when the call-off changed under us; the transaction rolls back. */
    static final class ConcurrentChange extends ProblemException {
        ConcurrentChange() {
            super(409, "/problems/concurrent-change", "Concurrent change", "the call-off changed at the same time; try again", List.of());
        }
    }

    record Loaded(CallOffStore.Row row, JsonNode framework, Cascade cascade, List<CallOffStore.StoredOffer> offers) {
    }

    Loaded load(DbExecute tx, String callOffId) {
        CallOffStore.Row row = store.find(tx, callOffId).orElseThrow(() -> ProblemException.notFound("Call-off", callOffId));
        JsonNode framework = catalogue.framework(tx, row.frameworkId()).orElseThrow().document();
        List<CallOffStore.StoredOffer> offers = store.offers(tx, callOffId);
        Cascade cascade = CascadeReplay.replay(callOffId, framework, CascadeReplay.lot(framework, row.lotId()),
                estimateOf(row.document()), offers);
        return new Loaded(row, framework, cascade, offers);
    }

    private void save(DbExecute tx, Loaded c, List<CascadeEvent> events, Instant now, Map<String, String> reasons, String actor) {
        String status = statusOf(c.cascade());
        if (!store.updateOutcome(tx, c.row().id(), c.row().version(), status, c.cascade().awardedOrgNo().orElse(null),
                c.cascade().agreedValue().orElse(null))) {
            throw new ConcurrentChange();
        }
        store.saveOffers(tx, c.row().id(), c.cascade().offers(), c.offers(), now, reasons);
        List<ProtocolEvent> chain = new ArrayList<>(store.protocol(tx, c.row().id()));
        for (CascadeEvent e : events) {
            String who = e.type() == no.skymarked.calloff.domain.CascadeEventType.ACCEPTED
                    || e.type() == no.skymarked.calloff.domain.CascadeEventType.DECLINED ? actor : "system";
            append(tx, c.row().id(), chain, now, who, e.type().name(), cascadeEvent(e));
        }
    }

    private void append(DbExecute tx, String callOffId, List<ProtocolEvent> chain, Instant at, String actor, String type, JsonNode payload) {
        ProtocolEvent event = ProtocolChain.next(chain.isEmpty() ? null : chain.getLast(), at, actor, type, Json.text(payload));
        store.appendEvent(tx, callOffId, event);
        chain.add(event);
    }

    static String statusOf(Cascade cascade) {
        return switch (cascade.status()) {
            case NOT_STARTED, AWAITING_RESPONSE -> "OFFERED";
            case AWARDED -> "AWARDED";
            case CASCADE_EXHAUSTED -> "CASCADE_EXHAUSTED";
        };
    }

    private static ObjectNode cascadeEvent(CascadeEvent e) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("at", e.at().toString());
        if (e.orgNo() != null) {
            n.put("supplierOrgNo", e.orgNo()).put("rank", e.rank());
        }
        return n.put("detail", e.detail());
    }

    private void checkServiceVersions(JsonNode refs) {
        if (!refs.isArray()) {
            throw Bodies.invalid("/problems/invalid-call-off", "/serviceVersions", "must be a list of {serviceId, version}");
        }
        for (int i = 0; i < refs.size(); i++) {
            JsonNode ref = refs.get(i);
            String id = ref.path("serviceId").asText("");
            int version = ref.path("version").asInt(-1);
            boolean known = ref.path("version").isInt() && store.db().execute()
                    .get("select version from service_version where service_id = ? and version = ?", id, version).isPresent();
            if (!known) {
                throw Bodies.invalid("/problems/service-version-unknown", "/serviceVersions/" + i,
                        "no version " + ref.path("version") + " of service '" + id + "' in the catalogue");
            }
        }
    }

    private static void checkRoles(JsonNode framework, JsonNode lot, CallOffRequest req) {
        List<RoleHours> roles = req.estimate().roles();
        for (int i = 0; i < roles.size(); i++) {
            String roleId = roles.get(i).roleId();
            for (JsonNode s : lot.path("suppliers")) {
                if (!"ACTIVE".equals(s.path("status").asText())) {
                    continue;
                }
                boolean priced = false;
                for (JsonNode rate : s.path("rates")) {
                    priced |= rate.path("roleId").asText().equals(roleId);
                }
                if (!priced) {
                    throw Bodies.invalid("/problems/role-not-in-price-list", "/estimatedHours/" + i + "/roleId",
                            "role '" + roleId + "' has no price in lot '" + req.lotId() + "' (supplier " + s.path("orgNo").asText() + ")");
                }
            }
        }
    }

    /** The highest value the call-off can reach in the lot: hours × the highest active rate per role. */
    private static BigDecimal ceilingValue(JsonNode lot, CallOffRequest req) {
        BigDecimal total = BigDecimal.ZERO;
        for (RoleHours rh : req.estimate().roles()) {
            BigDecimal max = BigDecimal.ZERO;
            for (JsonNode s : lot.path("suppliers")) {
                for (JsonNode rate : s.path("rates")) {
                    if (rate.path("roleId").asText().equals(rh.roleId()) && "ACTIVE".equals(s.path("status").asText())) {
                        max = max.max(new BigDecimal(rate.path("hourlyRate").path("amount").asText()));
                    }
                }
            }
            total = total.add(max.multiply(rh.hours()));
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    private static ObjectNode document(CallOffRequest req, RouteDecision.Allowed allowed, List<String> flags, String accessionId) {
        ObjectNode d = Json.MAPPER.createObjectNode().put("title", req.title()).put("needDescription", req.needDescription());
        var hours = d.putArray("estimatedHours");
        for (int i = 0; i < req.lines().size(); i++) {
            ObjectNode line = hours.addObject().put("roleId", req.lines().get(i).roleId())
                    .put("hours", req.estimate().roles().get(i).hours().stripTrailingZeros().toPlainString());
            if (req.lines().get(i).days() != null) {
                line.put("days", req.lines().get(i).days().toPlainString());
            }
        }
        req.requestedRoute().ifPresent(r -> d.put("requestedRoute", r.name()));
        req.exception().ifPresent(e -> d.putObject("exception").put("unforeseeable", e.unforeseeable()).put("security", e.security())
                .put("criticalLifeOrHealth", e.criticalLifeOrHealth()).put("justification", e.justification()));
        if (req.miniCompetitionReason() != null) {
            d.put("miniCompetitionReason", req.miniCompetitionReason());
        }
        if (req.buyerReference() != null) {
            d.put("buyerReference", req.buyerReference());
        }
        d.put("routeReason", allowed.reasonCode()).put("accessionId", accessionId);
        d.set("flags", Json.MAPPER.valueToTree(flags));
        return d;
    }

    static no.skymarked.calloff.domain.CallOffEstimate estimateOf(JsonNode document) {
        List<RoleHours> roles = new ArrayList<>();
        document.path("estimatedHours").forEach(h -> roles.add(new RoleHours(h.path("roleId").asText(), new BigDecimal(h.path("hours").asText()))));
        return new no.skymarked.calloff.domain.CallOffEstimate(roles);
    }

    static String actor(Principal p) {
        return p.orgNo() + (p.clientId() == null ? "" : "/" + p.clientId()) + " " + p.roles();
    }

    static String kebab(String code) {
        return code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static String pointerOf(String code, CallOffRequest req) {
        return switch (code) {
            case RouteDecision.EXCEPTION_CONDITIONS_NOT_MET -> "/exception";
            case RouteDecision.MINI_COMPETITION_REASON_REQUIRED -> "/miniCompetitionReason";
            case RouteDecision.THRESHOLD_REQUIRES_MINI_COMPETITION -> req.requestedRoute().isPresent() ? "/requestedRoute" : "/estimatedHours";
            default -> "/estimatedHours";
        };
    }

}
