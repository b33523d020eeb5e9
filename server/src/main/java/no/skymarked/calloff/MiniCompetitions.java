package no.skymarked.calloff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.Sealing;
import no.skymarked.calloff.domain.TermsCheck;
import no.skymarked.calloff.domain.Violation;
import no.skymarked.calloff.domain.WorkingDayCalendar;
import no.skymarked.catalogue.CatalogueRepository;
import no.skymarked.shared.Json;
import no.skymarked.shared.Problem;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.Tx;

/**
 * The mini-competition's core (FOA § 26-3(4) a–c): publication with the invitation of the lot's suppliers, the
 * opening of the tenders when the deadline passes, and what every step shares: one transaction holding the
 * call-off's row lock, the protocol, Idempotency-Keys. Questions, tenders, reads and decisions build on it.
 */
public final class MiniCompetitions {
    static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar();
    private final CallOffStore calls;
    private final CompetitionStore store;
    private final CatalogueRepository catalogue;
    private final TenderVault vault;
    private final Clock clock;

    MiniCompetitions(CallOffStore calls, CatalogueRepository catalogue, TenderVault vault, Clock clock) {
        this.calls = calls;
        this.store = new CompetitionStore(calls.db());
        this.catalogue = catalogue;
        this.vault = vault;
        this.clock = clock;
    }

    public static MiniCompetitions create(CallOffs callOffs, CatalogueRepository catalogue, java.nio.file.Path keyDir, Clock clock) {
        return new MiniCompetitions(callOffs.store(), catalogue, TenderVault.loadOrCreate(keyDir), clock);
    }

    CompetitionStore store() {
        return store;
    }

    DbClient db() {
        return calls.db();
    }

    Clock clock() {
        return clock;
    }

    TenderVault vault() {
        return vault;
    }

    /** A result, or a refusal to send after the transaction committed what it recorded (e.g. a refused access). */
    record Outcome<T>(T value, ProblemException refusal) {
        static <T> Outcome<T> of(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> refused(ProblemException refusal) {
            return new Outcome<>(null, refusal);
        }

        T get() {
            if (refusal != null) {
                throw refusal;
            }
            return value;
        }
    }

    /** Runs {@code work} on the locked, freshly loaded call-off (deadlines applied first) in one transaction. */
    <T> Outcome<T> locked(String callOffId, Function<Locked, Outcome<T>> work) {
        return Tx.inTransaction(calls.db(), tx -> {
            store.lock(tx, callOffId);
            CompetitionState state = load(tx, callOffId);
            if (openIfDue(tx, state)) {
                state = load(tx, callOffId);
            }
            return work.apply(new Locked(tx, state, clock.instant()));
        });
    }

    /** The transaction, the state and the instant a use case works with. */
    record Locked(DbExecute tx, CompetitionState state, Instant now) {
    }

    CompetitionState load(DbExecute tx, String callOffId) {
        CallOffStore.Row row = calls.find(tx, callOffId).orElseThrow(() -> ProblemException.notFound("Call-off", callOffId));
        var framework = catalogue.framework(tx, row.frameworkId()).orElseThrow();
        ObjectNode competition = row.competition() == null ? null : (ObjectNode) row.competition();
        JsonNode lot = CascadeReplay.lot(framework.document(), row.lotId());
        if (lot == null) {
            throw new ProblemException(409, "/problems/lot-unknown", "Lot no longer in the framework", "framework '"
                    + row.frameworkId() + "' no longer has lot '" + row.lotId() + "' of this call-off", List.of());
        }
        return new CompetitionState(row, framework.document(), framework.version(), lot, competition, store.parties(tx, callOffId));
    }

    CallOffStore.Row rowOf(DbExecute tx, String callOffId) {
        return calls.find(tx, callOffId).orElseThrow();
    }

    void record(DbExecute tx, String callOffId, Instant at, String actor, String type, JsonNode payload) {
        calls.record(tx, callOffId, at, actor, type, payload);
    }

    /**
     * Runs a creating step once per Idempotency-Key (DESIGN §4): the same key and request give the stored answer,
     * the same key with another request is 422; the answer is kept in the same transaction as what it created.
     */
    JsonNode once(Locked l, Principal caller, CallOffs.IdempotencyKey key, java.util.function.Supplier<JsonNode> work) {
        if (key == null) {
            return work.get();
        }
        var stored = calls.storedResponse(l.tx(), caller.orgNo(), key.key());
        if (stored.isPresent()) {
            if (!stored.get().requestHash().equals(key.requestHash())) {
                throw new ProblemException(422, "/problems/idempotency-key-reused", "Idempotency key reused",
                        "this Idempotency-Key was used with another request", List.of());
            }
            return Json.tree(stored.get().body());
        }
        JsonNode answer = work.get();
        calls.rememberResponse(l.tx(), caller.orgNo(), key.key(), key.requestHash(), 201, Json.text(answer), l.now());
        return answer;
    }

    // ---- publication -------------------------------------------------------------------------------------

    JsonNode publish(Principal buyer, String callOffId, CompetitionRequests.Publication p) {
        return locked(callOffId, l -> {
            CompetitionState s = l.state();
            s.requireBuyer(buyer, "publish the mini-competition");
            s.requireMiniCompetition();
            s.requireStatus("publish", "DRAFT");
            List<Violation> violations = new ArrayList<>();
            TermsCheck.Checked checked = TermsCheck.criteria(s.frameworkCriteria(), p.criteria());
            violations.addAll(checked.violations());
            int minDays = s.framework().path("miniCompetitionMinDeadlineWorkingDays").asInt(5);
            TermsCheck.deadline(p.tenderDeadline(), l.now(), minDays, CALENDAR,
                    no.skymarked.framework.AccessionPolicy.currentEndDate(s.framework())).ifPresent(violations::add);
            List<CompetitionStore.Party> parties = parties(s, p.exclusions(), violations);
            refuseIfAny(violations, "/problems/invalid-publication");
            if (parties.stream().noneMatch(x -> "INVITED".equals(x.status()))) {
                throw no.skymarked.shared.Bodies.invalid("/problems/no-supplier-to-invite", "/excludedSuppliers",
                        "every supplier of the lot is excluded; at least one must be invited");
            }
            ObjectNode c = Json.MAPPER.createObjectNode().put("publishedAt", l.now().toString())
                    .put("tenderDeadline", p.tenderDeadline().toString());
            ArrayNode criteria = c.putArray("criteria");
            checked.criteria().forEach(w -> criteria.addObject().put("criterionId", w.id()).put("type", w.type().name())
                    .put("weight", w.weight().toPlainString()));
            c.put("priceModel", p.priceModel().name()).put("normalisation", p.normalisation().name());
            c.set("tieBreak", Json.MAPPER.valueToTree(p.tieBreak()));
            if (p.tiePrecisionDecimals() != null) {
                c.put("tiePrecisionDecimals", p.tiePrecisionDecimals());
            }
            c.put("voluntaryStandstillDays", p.voluntaryStandstillDays());
            if (p.documentedBudget() != null) {
                c.set("documentedBudget", CallOffViews.money(p.documentedBudget()).put("documentedAt", l.now().toString()));
            }
            c.set("invitedSuppliers", Json.MAPPER.valueToTree(parties.stream().filter(x -> "INVITED".equals(x.status()))
                    .map(CompetitionStore.Party::orgNo).toList()));
            ArrayNode excludedView = c.putArray("excludedSuppliers");
            parties.stream().filter(x -> "EXCLUDED".equals(x.status()))
                    .forEach(x -> excludedView.addObject().put("orgNo", x.orgNo()).put("reason", x.reason()));
            ObjectNode ceilings = c.putObject("rateCeilings");  // confidential: never in a view
            for (String org : parties.stream().filter(x -> "INVITED".equals(x.status())).map(CompetitionStore.Party::orgNo).toList()) {
                ObjectNode byRole = ceilings.putObject(org);
                s.currentRates(org).forEach((role, rate) -> byRole.put(role, rate.toPlainString()));
            }
            c.put("frameworkVersion", s.frameworkVersion());
            c.putArray("questions");
            store.update(l.tx(), callOffId, "TENDERING", c, p.tenderDeadline(), null, null);
            String actor = CallOffs.actor(buyer);
            ObjectNode published = c.deepCopy();
            published.remove(List.of("questions", "rateCeilings"));  // the ceilings are the framework's confidential rates
            published.put("tenderDeadlineLocal", CallOffViews.oslo(p.tenderDeadline()));
            record(l.tx(), callOffId, l.now(), actor, "COMPETITION_PUBLISHED", published);
            for (CompetitionStore.Party party : parties) {
                store.insertParty(l.tx(), callOffId, party);
                ObjectNode payload = Json.MAPPER.createObjectNode().put("supplierOrgNo", party.orgNo());
                if ("EXCLUDED".equals(party.status())) {
                    payload.put("reason", party.reason());
                    p.exclusions().stream().filter(e -> e.orgNo().equals(party.orgNo())).findFirst()
                            .ifPresent(e -> payload.put("detail", e.detail()));
                }
                record(l.tx(), callOffId, l.now(), "system", "INVITED".equals(party.status()) ? "SUPPLIER_INVITED" : "SUPPLIER_EXCLUDED",
                        payload);
            }
            return Outcome.of(CallOffViews.callOff(calls.find(l.tx(), callOffId).orElseThrow()));
        }).get();
    }

    /** Every active supplier of the lot is invited unless excluded with a reason; suspended or terminated ones are excluded (E48). */
    private static List<CompetitionStore.Party> parties(CompetitionState s, List<CompetitionRequests.Exclusion> exclusions,
                                                        List<Violation> violations) {
        Map<String, String> statusByOrg = new java.util.LinkedHashMap<>();
        s.lot().path("suppliers").forEach(x -> statusByOrg.put(x.path("orgNo").asText(), x.path("status").asText()));
        for (int i = 0; i < exclusions.size(); i++) {
            String org = exclusions.get(i).orgNo();
            if (!statusByOrg.containsKey(org)) {
                violations.add(new Violation("/excludedSuppliers/" + i + "/orgNo", "SUPPLIER_NOT_IN_LOT",
                        "supplier " + org + " is not in lot '" + s.row().lotId() + "'"));
            }
        }
        List<CompetitionStore.Party> out = new ArrayList<>();
        statusByOrg.forEach((org, status) -> {
            var excluded = exclusions.stream().filter(e -> e.orgNo().equals(org)).findFirst();
            if (!"ACTIVE".equals(status)) {
                out.add(new CompetitionStore.Party(org, "EXCLUDED", "SUPPLIER_" + status));
            } else if (excluded.isPresent()) {
                out.add(new CompetitionStore.Party(org, "EXCLUDED", excluded.get().reason().name()));
            } else {
                out.add(new CompetitionStore.Party(org, "INVITED", null));
            }
        });
        return out;
    }

    static void refuseIfAny(List<Violation> violations, String typeIfSeveral) {
        if (violations.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = violations.stream().map(v -> Problem.FieldError.pointer(v.pointer(), v.message())).toList();
        boolean oneKind = violations.stream().map(Violation::code).distinct().count() == 1;
        throw new ProblemException(422, oneKind ? "/problems/" + CallOffs.kebab(violations.get(0).code()) : typeIfSeveral,
                "Refused", violations.size() + " problem(s): " + violations.get(0).pointer() + " " + violations.get(0).message(), errors);
    }

    static String boundTo(String callOffId, String orgNo, String tenderRef) {
        return callOffId + "|" + orgNo + "|" + tenderRef;
    }

    /** The opened content of a tender (after the deadline only; the vault refuses before). */
    ObjectNode open(CompetitionState s, CompetitionStore.StoredTender t, Instant now) {
        return (ObjectNode) Json.tree(new String(vault.open(t.sealed(), boundTo(s.id(), t.orgNo(), t.tenderRef()), s.deadline(), now),
                StandardCharsets.UTF_8));
    }

    // ---- opening at the deadline ---------------------------------------------------------------------------

    /** Applies a passed tender deadline of one call-off (on every access, and by the scheduler). */
    public void refresh(String callOffId) {
        locked(callOffId, l -> Outcome.of(null));
    }

    public List<String> dueForOpening() {
        return store.withPassedTenderDeadlines(clock.instant());
    }

    /**
     * At the deadline the competition closes: with tenders it moves to EVALUATION and the protocol names who
     * tendered (until then it held only anonymous receipts); with none it is UNSUCCESSFUL (E11).
     */
    private boolean openIfDue(DbExecute tx, CompetitionState s) {
        Instant now = clock.instant();
        if (!"TENDERING".equals(s.status()) || !Sealing.opened(s.deadline(), now)) {
            return false;
        }
        List<CompetitionStore.StoredTender> tenders = store.tenders(tx, s.id());
        ObjectNode payload = Json.MAPPER.createObjectNode().put("deadline", s.deadline().toString()).put("openedAt", now.toString());
        ArrayNode list = payload.putArray("tenders");
        for (CompetitionStore.StoredTender t : tenders) {
            list.addObject().put("tenderRef", t.tenderRef()).put("supplierOrgNo", t.orgNo()).put("status", t.status())
                    .put("version", t.version()).put("submittedAt", t.submittedAt().toString())
                    .put("sealedContentSha256", t.sealedSha256());
        }
        payload.set("receipts", store.receipts(tx, s.id()));
        // the seed of any drawing of lots, fixed now that no tender can change (domain rules §3.5)
        byte[] seed = new byte[32];
        new java.security.SecureRandom().nextBytes(seed);
        String drawSeed = java.util.HexFormat.of().formatHex(seed);
        payload.put("drawSeed", drawSeed);
        boolean any = tenders.stream().anyMatch(CompetitionStore.StoredTender::submitted);
        ObjectNode c = s.copyOfCompetition().put("openedAt", now.toString()).put("drawSeed", drawSeed);
        if (!any) {
            c.putObject("unsuccessful").put("reason", "NO_TENDERS").put("at", now.toString());
        }
        store.update(tx, s.id(), any ? "EVALUATION" : "UNSUCCESSFUL", c, s.deadline(), null, null);
        record(tx, s.id(), now, "system", "TENDERS_OPENED", payload);
        if (!any) {
            record(tx, s.id(), now, "system", "NO_TENDERS_RECEIVED", Json.MAPPER.createObjectNode()
                    .put("detail", "no tender by the deadline; the call-off is UNSUCCESSFUL (cancel or call off again with a longer deadline)"));
        }
        return true;
    }
}
