package no.skymarked.calloff.application;

import java.util.ArrayList;
import java.util.List;
import no.skymarked.auth.Principal;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.Sealing;

/**
 * Every read of a mini-competition. Before the deadline nobody but the tendering supplier learns anything of a
 * tender beyond a receipt; the buyer, auditors, editors and other suppliers who try are refused and the attempt is
 * recorded (E30); every read of tender content is recorded too (M3).
 */
public final class ReadingCompetition {
    private final CallOffSteps steps;

    public ReadingCompetition(CallOffSteps steps) {
        this.steps = steps;
    }

    /** Questions as the caller may see them (see {@link #questions}). */
    public record Questions(List<Competition.Question> items, Viewer viewer) {
    }

    /** The buyer and auditors see every question with its asker; invited suppliers every answer, and their own. */
    public Questions questions(Principal caller, String callOffId) {
        return steps.locked(callOffId, step -> {
            Viewer v = step.viewer(caller);
            if (v == Viewer.NONE || v == Viewer.EDITOR) {
                throw Refusal.notFound("Call-off", callOffId);
            }
            List<Competition.Question> items = step.callOff().competition().map(Competition::questions).orElse(List.of()).stream()
                    .filter(q -> v != Viewer.INVITED_SUPPLIER || q.answered() || q.askedBy().equals(caller.orgNo())).toList();
            return Outcome.of(new Questions(items, v));
        });
    }

    public TenderRead tender(Principal caller, String callOffId, String orgNo) {
        return steps.locked(callOffId, step -> {
            Viewer v = visible(step, caller);
            step.requireMiniCompetition();
            boolean own = v == Viewer.INVITED_SUPPLIER && caller.orgNo().equals(orgNo);
            if (!opened(step)) {
                return own ? Outcome.of(sealed(step, found(step, orgNo))) : Outcome.refused(refuseSealed(step, caller, "tender of " + orgNo));
            }
            if (!own && !v.buyerOrAuditor()) {
                throw Refusal.forbidden("suppliers see only their own tender; editors see none (FOA § 7-4)");
            }
            SealedTender t = found(step, orgNo);
            logRead(step, caller, "tender of " + orgNo);
            return Outcome.of(open(step, Tenderers.opener(step), t, own));
        });
    }

    public List<TenderRead> tenders(Principal caller, String callOffId) {
        return steps.locked(callOffId, step -> {
            Viewer v = visible(step, caller);
            step.requireMiniCompetition();
            boolean supplier = v == Viewer.INVITED_SUPPLIER;
            if (!opened(step) && !supplier) {
                return Outcome.refused(refuseSealed(step, caller, "list of tenders"));
            }
            if (v == Viewer.EDITOR) {
                throw Refusal.forbidden("editors do not read tenders");
            }
            if (opened(step)) {
                logRead(step, caller, supplier ? "own tender" : "every tender");
            }
            TenderSeal.Opener opener = opened(step) ? Tenderers.opener(step) : null;
            return Outcome.of(step.ports().competitions().tenders(callOffId).stream()
                    .filter(t -> !supplier || t.orgNo().equals(caller.orgNo()))
                    .map(t -> opener != null ? open(step, opener, t, supplier) : sealed(step, t)).toList());
        });
    }

    /** The notices with the evaluation they cite. */
    public record Notices(List<Notice> items, EvaluationSheet sheet) {
    }

    /** The buyer and auditors see every notice; a supplier its own. Before the award there are none. */
    public Notices notices(Principal caller, String callOffId) {
        return steps.locked(callOffId, step -> {
            Viewer v = visible(step, caller);
            if (v == Viewer.EDITOR) {
                throw Refusal.forbidden("notices are for the buyer, the suppliers they are sent to, and auditors");
            }
            EvaluationSheet sheet = sheet(step.callOff());
            return Outcome.of(new Notices(Notice.of(step.callOff(), sheet).stream()
                    .filter(n -> v != Viewer.INVITED_SUPPLIER || n.recipientOrgNo().equals(caller.orgNo())).toList(), sheet));
        });
    }

    public EvaluationSheet evaluation(Principal caller, String callOffId) {
        return steps.locked(callOffId, step -> {
            if (!step.viewer(caller).buyerOrAuditor()) {
                throw Refusal.notFound("Evaluation of call-off", callOffId);
            }
            EvaluationSheet sheet = sheet(step.callOff());
            if (sheet == null) {
                throw Refusal.notFound("Evaluation of call-off", callOffId);
            }
            return Outcome.of(sheet);
        });
    }

    /** Each evaluator's own scores (buyer, auditors); they carry no prices. */
    public List<Competition.EvaluatorScores> evaluatorScores(Principal caller, String callOffId) {
        return steps.locked(callOffId, step -> {
            if (!step.viewer(caller).buyerOrAuditor()) {
                throw Refusal.notFound("Call-off", callOffId);
            }
            return Outcome.of(step.callOff().competition().map(Competition::evaluatorScores).orElse(List.of()));
        });
    }

    /** Requests for explanation: every one for the buyer and auditors, its own for an invited supplier. */
    public List<Competition.ExplanationRequest> explanationRequests(Principal caller, String callOffId) {
        return steps.locked(callOffId, step -> {
            Viewer v = step.viewer(caller);
            if (!v.buyerOrAuditor() && v != Viewer.INVITED_SUPPLIER) {
                throw Refusal.notFound("Call-off", callOffId);
            }
            return Outcome.of(step.callOff().competition().map(Competition::explanationRequests).orElse(List.of()).stream()
                    .filter(r -> v != Viewer.INVITED_SUPPLIER || r.supplierOrgNo().equals(caller.orgNo())).toList());
        });
    }

    public List<Competition.Declaration> declarations(Principal caller, String callOffId) {
        return steps.locked(callOffId, step -> {
            if (!step.viewer(caller).buyerOrAuditor()) {
                throw Refusal.notFound("Call-off", callOffId);
            }
            return Outcome.of(step.callOff().competition().map(Competition::declarations).orElse(List.of()));
        });
    }

    /** The whole procurement file for the buyer and auditors; tender contents only once opened. */
    public ProcurementFile export(Principal caller, String callOffId) {
        return steps.locked(callOffId, step -> {
            Viewer v = visible(step, caller);
            if (!v.buyerOrAuditor()) {
                throw Refusal.forbidden("the procurement file is for the buyer and auditors");
            }
            CallOff c = step.callOff();
            List<TenderRead> tenders = new ArrayList<>();
            if (c.competition().isPresent() && opened(step)) {
                logRead(step, caller, "procurement file with every tender");
                TenderSeal.Opener opener = Tenderers.opener(step);
                step.ports().competitions().tenders(callOffId).forEach(t -> tenders.add(open(step, opener, t, false)));
            }
            step.finish();  // the read is in the protocol the file carries
            boolean tendering = c.status() == no.skymarked.calloff.domain.CallOffStatus.TENDERING;
            EvaluationSheet sheet = sheet(c);
            return Outcome.of(new ProcurementFile(c, v, caller.orgNo(), c.competition().map(Competition::questions).orElse(List.of()),
                    tenders, c.competition().isPresent() && tendering ? c.tenderDeadline().orElseThrow() : null,
                    c.competition().isPresent() && !tendering && !opened(step) && c.tenderDeadline().isPresent(), sheet,
                    Notice.of(c, sheet), c.competition().map(Competition::declarations).orElse(List.of()),
                    step.ports().protocol().chain(callOffId)));
        });
    }

    private static EvaluationSheet sheet(CallOff c) {
        return c.competition().map(comp -> EvaluationSheet.of(c.id(), comp)).orElse(null);
    }

    private static Viewer visible(Step step, Principal caller) {
        Viewer v = step.viewer(caller);
        if (v == Viewer.NONE) {
            throw Refusal.notFound("Call-off", step.id());
        }
        return v;
    }

    /** Opened means the competition closed at its deadline; one cancelled before it never opens its tenders. */
    private static boolean opened(Step step) {
        CallOff c = step.callOff();
        return c.competition().flatMap(Competition::opening).isPresent() && Sealing.opened(c.tenderDeadline().orElseThrow(), step.now());
    }

    private static void logRead(Step step, Principal caller, String what) {
        step.record(Actor.of(caller), "TENDER_CONTENT_READ", Payload.of("read", what, "byOrgNo", caller.orgNo()));
    }

    private static SealedTender found(Step step, String orgNo) {
        return step.ports().competitions().tender(step.id(), orgNo).orElseThrow(() -> Refusal.notFound("Tender of", orgNo));
    }

    private static TenderRead sealed(Step step, SealedTender t) {
        return new TenderRead(step.id(), t, null, step.callOff().tenderDeadline().orElseThrow());
    }

    /** An opened tender; its prices only for its own supplier ({@code own}) or once the quality scores are locked. */
    private static TenderRead open(Step step, TenderSeal.Opener opener, SealedTender t, boolean own) {
        TenderContent content = t.sealed() == null ? null : opener.open(t.sealed(), Tenderers.boundTo(step.id(), t.orgNo(), t.tenderRef()));
        boolean hidden = !own && !step.callOff().competition().map(Competition::pricesRevealed).orElse(false);
        return new TenderRead(step.id(), t, content, null, hidden && content != null);
    }

    private static Refusal refuseSealed(Step step, Principal caller, String what) {
        var deadline = step.callOff().tenderDeadline().orElse(null);
        step.record(Actor.of(caller), "SEALED_TENDER_ACCESS_REFUSED", Payload.of("attempted", what, "byOrgNo", caller.orgNo(),
                "sealedUntil", deadline == null ? "not published" : deadline.toString()));
        return Refusal.forbidden("/problems/tenders-sealed", "Tenders sealed", "tenders stay sealed until the deadline"
                + (deadline == null ? " (not yet published)" : " " + deadline + " (" + no.skymarked.calloff.domain.WorkingDayCalendar
                .osloTime(deadline) + " Europe/Oslo)") + "; nobody reads them before, and this attempt is recorded in the protocol");
    }
}
