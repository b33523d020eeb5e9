package no.skymarked.calloff.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.ChainState;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.FrameworkTerms;

/**
 * One step on a locked call-off inside its transaction: the call-off, the competition's parties, the instant, and
 * the protocol events to append. {@link CallOffSteps} saves the call-off and appends the events when the step ends.
 */
public final class Step {
    private final Ports ports;
    private final Instant now;
    private final List<ProtocolEntry> entries = new ArrayList<>();
    private CallOff callOff;
    private List<Party> parties;
    private FrameworkTerms framework;
    private boolean changed;
    /** The decisive state the protocol last committed to (as the step found the call-off). */
    private ChainState committed;

    Step(Ports ports, CallOff callOff, Instant now) {
        this.ports = ports;
        this.callOff = callOff;
        this.now = now;
        this.committed = ChainState.of(callOff);
    }

    public CallOff callOff() {
        return callOff;
    }

    public String id() {
        return callOff.id();
    }

    public Instant now() {
        return now;
    }

    public Ports ports() {
        return ports;
    }

    /** The published competition; 409 for a direct award. */
    public Competition competition() {
        requireMiniCompetition();
        return callOff.competition().orElseThrow(() -> Refusal.conflict("/problems/not-published", "Not published",
                "the mini-competition is not published yet"));
    }

    public void requireMiniCompetition() {
        if (!callOff.isMiniCompetition()) {
            throw Refusal.conflict("/problems/not-a-mini-competition", "Not a mini-competition", "call-off " + callOff.id()
                    + " is a direct award in ranked order; it has no publication, tenders or evaluation");
        }
    }

    /**
     * The framework terms this step works under: a direct award keeps the version it was made under; a mini-competition
     * is fixed at its publication (the invitation), so a draft reads the terms in force now and a published one the
     * version it was published under (a competition stored without one: the call-off's).
     */
    public FrameworkTerms framework() {
        if (framework == null) {
            int version = callOff.frameworkVersion();
            if (callOff.isMiniCompetition() && callOff.competition().isPresent() && callOff.competition().get().terms().frameworkVersion() > 0) {
                version = callOff.competition().get().terms().frameworkVersion();
            }
            framework = callOff.isMiniCompetition() && callOff.competition().isEmpty()
                    ? ports.catalogue().terms(callOff.frameworkId()).orElseThrow(() -> termsGone(callOff.frameworkId()))
                    : ports.catalogue().terms(callOff.frameworkId(), version).orElseThrow(() -> termsGone(callOff.frameworkId()));
        }
        return framework;
    }

    static Refusal termsGone(String frameworkId) {
        return Refusal.conflict("/problems/framework-terms-unreadable", "Framework terms unreadable",
                "the terms of framework '" + frameworkId + "' this call-off depends on cannot be read; an editor must correct the framework");
    }

    /** The call-off's lot as the framework terms of this step have it ({@link #framework()}). */
    public FrameworkTerms.Lot lot() {
        return framework().lot(callOff.lotId()).orElseThrow(() -> Refusal.conflict("/problems/lot-unknown",
                "Lot no longer in the framework", "framework '" + callOff.frameworkId() + "' no longer has lot '"
                        + callOff.lotId() + "' of this call-off"));
    }

    /** The competition is published and still receiving (strictly before the deadline); 409 otherwise. */
    public void requireReceiving(String what) {
        requireMiniCompetition();
        if (callOff.status() == no.skymarked.calloff.domain.CallOffStatus.DRAFT) {
            throw Refusal.conflict("/problems/not-published", "Not published", "the mini-competition is not published yet");
        }
        java.time.Instant deadline = callOff.tenderDeadline().orElseThrow();
        if (callOff.status() != no.skymarked.calloff.domain.CallOffStatus.TENDERING
                || !no.skymarked.calloff.domain.Sealing.receives(deadline, now)) {
            throw Refusal.conflict("/problems/tender-deadline-passed", "Deadline passed", "cannot " + what + ": the tender deadline "
                    + deadline + " (" + no.skymarked.calloff.domain.WorkingDayCalendar.osloTime(deadline) + " Europe/Oslo) has passed");
        }
    }

    public List<Party> parties() {
        if (parties == null) {
            parties = ports.competitions().parties(callOff.id());
        }
        return parties;
    }

    public Viewer viewer(no.skymarked.auth.Principal p) {
        return Viewer.of(p, callOff, parties(), List.of());
    }

    /** Marks the call-off as changed, so it is saved when the step ends. */
    public void changed() {
        changed = true;
    }

    public void record(String actor, String type, Object payload) {
        entries.add(new ProtocolEntry(now, actor, type, payload));
    }

    /** Saves what changed and appends what was recorded; the call-off is read again when it was saved. */
    void finish() {
        if (changed && !ports.callOffs().update(callOff)) {
            throw DirectAwards.concurrentChange();
        }
        ChainState state = ChainState.of(callOff);
        if (entries.isEmpty() && !state.equals(committed)) {
            // the protocol commits to every decisive state the call-off takes, also one a step reached without an event
            record(ProtocolEntry.SYSTEM, "STATE_RECORDED", Payload.of("status", state.status(), "route", state.route(),
                    "awardedOrgNo", state.awardedOrgNo(), "agreedValue", state.agreedValue()));
        }
        if (!entries.isEmpty()) {
            ports.protocol().append(callOff, List.copyOf(entries));
            entries.clear();
            committed = state;
        }
        if (changed) {
            callOff = ports.callOffs().find(callOff.id()).orElseThrow();
            changed = false;
        }
    }
}
