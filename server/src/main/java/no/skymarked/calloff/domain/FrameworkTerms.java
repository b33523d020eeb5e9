package no.skymarked.calloff.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A framework agreement as the call-off rules need it, read once from the catalogue: its period and status, the
 * threshold for direct award, hours per day (null: estimates in hours only), the maximum value, the working days
 * for answers and tender deadlines, the award criteria, the lots with their ranked members and rates, and the agencies
 * its notice identifies. A version's terms never change: a call-off keeps the version it was made under.
 */
public record FrameworkTerms(String id, int version, String status, LocalDate startDate, LocalDate currentEndDate,
                             BigDecimal thresholdHours, BigDecimal hoursPerDay, Money maxValue, int cascadeResponseWorkingDays,
                             int minTenderWorkingDays, List<AwardCriterion> criteria, List<Lot> lots, Env79Mode env79Mode,
                             String env79Reason, CurrencyConversion conversion, java.util.Set<String> identifiedAgencies) {

    /**
     * Amounts ({@code maxValue}, rates) are NOK: those the framework gives in a foreign currency were converted at
     * {@code conversion} (null when none was declared). {@code env79Mode} is the framework's § 7-9 mode, with its reason.
     */
    public FrameworkTerms {
        criteria = List.copyOf(criteria);
        lots = List.copyOf(lots);
        env79Mode = env79Mode == null ? Env79Mode.WEIGHTED_30 : env79Mode;
        identifiedAgencies = java.util.Set.copyOf(identifiedAgencies);
    }

    /** Terms in NOK, weighting climate and environment at least 30 % (§ 7-9 (2)), identifying the agencies given. */
    public FrameworkTerms(String id, int version, String status, LocalDate startDate, LocalDate currentEndDate,
                          BigDecimal thresholdHours, BigDecimal hoursPerDay, Money maxValue, int cascadeResponseWorkingDays,
                          int minTenderWorkingDays, List<AwardCriterion> criteria, List<Lot> lots, java.util.Set<String> identifiedAgencies) {
        this(id, version, status, startDate, currentEndDate, thresholdHours, hoursPerDay, maxValue, cascadeResponseWorkingDays,
                minTenderWorkingDays, criteria, lots, Env79Mode.WEIGHTED_30, null, null, identifiedAgencies);
    }

    /** Whether the framework's notice identifies the agency (FOA § 26-1(3)): listed, or in a group it names. */
    public boolean identifies(String orgNo) {
        return identifiedAgencies.contains(orgNo);
    }

    /** A lot: its id and its suppliers in ranked order. */
    public record Lot(String id, List<Member> members) {
        public Lot {
            members = List.copyOf(members);
        }

        public Optional<Member> member(String orgNo) {
            return members.stream().filter(m -> m.orgNo().equals(orgNo)).findFirst();
        }

        public List<Member> active() {
            return members.stream().filter(m -> m.status() == MemberStatus.ACTIVE).toList();
        }

        /** The highest hourly rate among the active members for a role (zero when none prices it). */
        public BigDecimal highestActiveRate(String roleId) {
            return active().stream().map(m -> m.rates().get(roleId)).filter(r -> r != null).map(Money::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::max);
        }
    }

    /** A supplier of a lot with its rank, standing and hourly rates by role. */
    public record Member(String orgNo, int rank, MemberStatus status, Map<String, Money> rates) {
        public Member {
            rates = Map.copyOf(rates);
        }

        public Map<String, BigDecimal> rateAmounts() {
            Map<String, BigDecimal> out = new HashMap<>();
            rates.forEach((role, money) -> out.put(role, money.amount()));
            return out;
        }

        public LotMember asLotMember() {
            return new LotMember(orgNo, rank, status);
        }
    }

    public Optional<Lot> lot(String lotId) {
        return lots.stream().filter(l -> l.id().equals(lotId)).findFirst();
    }

    /** Active, and {@code today} within the period (with the options exercised). */
    public boolean activeOn(LocalDate today) {
        return "ACTIVE".equals(status) && !today.isBefore(startDate) && !today.isAfter(currentEndDate);
    }
}
