package no.skymarked.ocds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A call-off as far as it may be published: what the buyer asked for (hours per role, no estimated value: it is
 * the hours at the lot's highest rate, a rate ceiling), its framework and lot, and the public steps it took, in
 * protocol order. Tenders, scores and rates are not here at all.
 */
public record CallOffFacts(String id, Org buyer, String frameworkId, String frameworkTitle, String frameworkMechanism, String lotId,
                           String lotName, String title, String description, boolean miniCompetition, List<Hours> hours, String cpv,
                           List<Step> steps) {
    public CallOffFacts {
        hours = List.copyOf(hours);
        steps = List.copyOf(steps);
    }

    /** Estimated hours of one role. */
    public record Hours(String roleId, String roleName, BigDecimal hours) {
    }

    /** A step of the protocol that changes what is public; {@code seq} is its protocol sequence number. */
    public sealed interface Step {
        long seq();

        Instant at();
    }

    /** A mini-competition published: tenders until {@code deadline}; criteria with weights (e.g. "Pris 30 %"). */
    public record Published(long seq, Instant at, Instant deadline, List<String> criteria) implements Step {
        public Published {
            criteria = List.copyOf(criteria);
        }
    }

    /** Awarded to {@code supplier} at {@code value} NOK ex. VAT; a standstill may run until {@code standstillEndsAt}. */
    public record Awarded(long seq, Instant at, Org supplier, BigDecimal value, Instant standstillEndsAt) implements Step {
    }

    /** The contract concluded once both had signed. */
    public record Contracted(long seq, Instant at, Instant signedAt) implements Step {
    }

    /** No tender, or every tender rejected. */
    public record Unsuccessful(long seq, Instant at) implements Step {
    }

    public record Cancelled(long seq, Instant at) implements Step {
    }
}
