package no.skymarked.calloff.domain;

import static no.skymarked.calloff.domain.CallOffStatus.AWARDED;
import static no.skymarked.calloff.domain.CallOffStatus.CANCELLED;
import static no.skymarked.calloff.domain.CallOffStatus.CASCADE_EXHAUSTED;
import static no.skymarked.calloff.domain.CallOffStatus.CONTRACTED;
import static no.skymarked.calloff.domain.CallOffStatus.DRAFT;
import static no.skymarked.calloff.domain.CallOffStatus.EVALUATION;
import static no.skymarked.calloff.domain.CallOffStatus.OFFERED;
import static no.skymarked.calloff.domain.CallOffStatus.TENDERING;
import static no.skymarked.calloff.domain.CallOffStatus.UNSUCCESSFUL;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every step a call-off can take, with the statuses it may start from and the one it leads to (null: it stays).
 * The only place where status changes are allowed; {@link CallOff#apply(Transition)} enforces it.
 */
public enum Transition {
    PUBLISH("publish", TENDERING, DRAFT),
    CASCADE_AWARD("accept the offer", AWARDED, OFFERED),
    CASCADE_EXHAUST("move to the next rank", CASCADE_EXHAUSTED, OFFERED),
    ASK_OR_ANSWER_QUESTIONS("ask or answer questions", null, TENDERING),
    TENDER("submit or withdraw a tender", null, TENDERING),
    DECLARE_CONFLICTS("record a declaration", null, TENDERING, EVALUATION),
    OPEN_TENDERS("open the tenders", EVALUATION, TENDERING),
    CLOSE_WITHOUT_TENDERS("close without tenders", UNSUCCESSFUL, TENDERING),
    EVALUATE("evaluate", EVALUATION, EVALUATION),
    SCORE_QUALITY("record an evaluator's scores", null, EVALUATION),
    REQUEST_EXPLANATION("request or assess an explanation of a tender", null, EVALUATION),
    REJECT_ALL("reject every tender", UNSUCCESSFUL, EVALUATION),
    AWARD("award", AWARDED, EVALUATION),
    CONTRACT("conclude the contract", CONTRACTED, AWARDED),
    CANCEL("cancel", CANCELLED, DRAFT, OFFERED, TENDERING, EVALUATION, AWARDED, UNSUCCESSFUL, CASCADE_EXHAUSTED);

    private final String verb;
    private final CallOffStatus to;
    private final Set<CallOffStatus> from;

    Transition(String verb, CallOffStatus to, CallOffStatus first, CallOffStatus... more) {
        this.verb = verb;
        this.to = to;
        this.from = EnumSet.of(first, more);
    }

    /** What the step does, for messages: "cannot publish while …". */
    public String verb() {
        return verb;
    }

    public Set<CallOffStatus> from() {
        return Set.copyOf(from);
    }

    public boolean allowedFrom(CallOffStatus status) {
        return from.contains(status);
    }

    /** The status after the step, given the one before. */
    public CallOffStatus target(CallOffStatus current) {
        return to == null ? current : to;
    }
}
