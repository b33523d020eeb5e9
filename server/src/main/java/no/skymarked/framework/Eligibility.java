package no.skymarked.framework;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who a framework identifies (FOA § 26-1(3), KOFA 2015/65): the agencies it lists and the members of the groups it
 * names. A framework naming nobody identifies nobody. After the award, an identified agency accedes only when the
 * framework's late-accession clause names it, directly or through a group (domain rules §5.6, E18).
 */
public final class Eligibility {
    private Eligibility() {
    }

    /** The organisation numbers the framework identifies, groups resolved. */
    public static Set<String> identified(JsonNode framework) {
        Set<String> out = new LinkedHashSet<>();
        framework.path("eligibleAgencies").forEach(a -> out.add(a.asText()));
        framework.path("eligibleGroups").forEach(g -> g.path("members").forEach(m -> out.add(m.asText())));
        return out;
    }

    public static boolean identifies(JsonNode framework, String orgNo) {
        return orgNo != null && identified(framework).contains(orgNo);
    }

    /** The day of the award: accessions after it are late. Absent: the framework's start date. */
    public static LocalDate awardDate(JsonNode framework) {
        String award = framework.path("awardDate").asText("");
        return LocalDate.parse(award.isEmpty() ? framework.path("period").path("startDate").asText() : award);
    }

    /** Whether the late-accession clause names {@code orgNo}, directly or as a member of a group it names. */
    public static boolean lateAccessionNames(JsonNode framework, String orgNo) {
        JsonNode clause = framework.path("lateAccession");
        for (JsonNode a : clause.path("agencies")) {
            if (a.asText().equals(orgNo)) {
                return true;
            }
        }
        for (JsonNode groupId : clause.path("groups")) {
            for (JsonNode g : framework.path("eligibleGroups")) {
                if (g.path("id").asText().equals(groupId.asText())) {
                    for (JsonNode m : g.path("members")) {
                        if (m.asText().equals(orgNo)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** May {@code orgNo} accede on {@code day}: identified, and on or before the award day or named by the clause. */
    public static boolean mayAccedeOn(JsonNode framework, String orgNo, LocalDate day) {
        return identifies(framework, orgNo) && (!day.isAfter(awardDate(framework)) || lateAccessionNames(framework, orgNo));
    }
}
