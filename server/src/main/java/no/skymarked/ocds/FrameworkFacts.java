package no.skymarked.ocds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A framework agreement as published: one version of its public terms, recorded at {@code recordedAt}. No rates:
 * price lists are confidential. {@code callOffMechanism} is DIRECT, MINI_COMPETITION or MIXED; {@code maxValue} NOK
 * ex. VAT; {@code cpv} the CPV code of the framework where the catalogue gives one (null otherwise).
 */
public record FrameworkFacts(String id, int version, Instant recordedAt, String title, String description, Org owner, String status,
                             String callOffMechanism, LocalDate startDate, LocalDate endDate, LocalDate awardDate, BigDecimal maxValue,
                             String cpv, List<Lot> lots) {
    public FrameworkFacts {
        lots = List.copyOf(lots);
    }

    /** A lot with its suppliers in ranked order. */
    public record Lot(String id, String name, List<Member> members) {
        public Lot {
            members = List.copyOf(members);
        }
    }

    /** A supplier of a lot: ACTIVE, SUSPENDED or TERMINATED. */
    public record Member(Org supplier, int rank, String status) {
    }

    /** The Techniques extension's framework agreement method of a call-off mechanism. */
    public static String method(String callOffMechanism) {
        if (callOffMechanism == null) {
            return null;
        }
        return switch (callOffMechanism) {
            case "DIRECT" -> "withoutReopeningCompetition";
            case "MINI_COMPETITION" -> "withReopeningCompetition";
            case "MIXED" -> "withAndWithoutReopeningCompetition";
            default -> null;
        };
    }
}
