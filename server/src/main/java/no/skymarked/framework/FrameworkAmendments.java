package no.skymarked.framework;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which terms of a framework a change amends (FOA § 26-1(5), § 28-2): rates, ranks, member statuses, lots, award
 * criteria, the direct-award threshold, the maximum value and the eligible agencies. A change of these to an ACTIVE
 * framework is an amendment: it needs a recorded reason, and it never reaches call-offs made under an earlier version.
 */
public final class FrameworkAmendments {
    private FrameworkAmendments() {
    }

    /** The amended terms, one line each (empty when the change touches none, e.g. a corrected description). */
    public static List<String> amendedTerms(JsonNode before, JsonNode after) {
        List<String> out = new ArrayList<>();
        for (String field : List.of("awardCriteria", "thresholdHours", "hoursPerDay", "maxValue", "cascadeResponseWorkingDays",
                "miniCompetitionMinDeadlineWorkingDays", "eligibleAgencies", "eligibleGroups", "lateAccession", "env79Mode", "env79Reason",
                "currencyConversion")) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                out.add(field);
            }
        }
        if (!Objects.equals(periodTerms(before), periodTerms(after))) {
            out.add("period");
        }
        if (!before.path("status").asText().equals(after.path("status").asText())) {
            out.add("status " + before.path("status").asText() + " → " + after.path("status").asText());
        }
        Map<String, JsonNode> beforeLots = lots(before);
        Map<String, JsonNode> afterLots = lots(after);
        beforeLots.keySet().stream().filter(id -> !afterLots.containsKey(id)).forEach(id -> out.add("lot " + id + ": removed"));
        afterLots.forEach((id, lot) -> {
            JsonNode old = beforeLots.get(id);
            if (old == null) {
                out.add("lot " + id + ": added");
            } else {
                members(id, old, lot, out);
            }
        });
        return out;
    }

    /** Whether a change needs a recorded reason: it amends the terms of a framework that is ACTIVE, or ends one. */
    public static boolean needsReason(JsonNode before, List<String> amended) {
        return "ACTIVE".equals(before.path("status").asText()) && !amended.isEmpty();
    }

    /**
     * A framework that has ended stays ended (FOA § 26-1(4), E40): a change may not make a framework that is not ACTIVE
     * active again, nor move the end of one whose current end has passed. Empty when the change revives nothing.
     */
    public static java.util.Optional<String> revival(JsonNode before, JsonNode after, java.time.LocalDate today) {
        String was = before.path("status").asText();
        if (!"ACTIVE".equals(was) && "ACTIVE".equals(after.path("status").asText())) {
            return java.util.Optional.of("the framework is " + was + "; it cannot be made ACTIVE again (a new need is a new procurement)");
        }
        java.time.LocalDate end = no.skymarked.catalogdata.FrameworkPeriod.currentEndDate(before);
        if (today.isAfter(end) && !Objects.equals(periodTerms(before), periodTerms(after))) {
            return java.util.Optional.of("the framework ended on " + end + "; its period cannot be changed to run again");
        }
        return java.util.Optional.empty();
    }

    /** The period without what exercising an option records (whether, when, by whom): its agreed terms. */
    private static JsonNode periodTerms(JsonNode framework) {
        JsonNode period = framework.path("period").deepCopy();
        for (JsonNode option : period.path("options")) {
            if (option instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                o.remove(List.of("exercised", "exercisedOn", "exercisedBy"));
            }
        }
        return period;
    }

    private static void members(String lotId, JsonNode before, JsonNode after, List<String> out) {
        Map<String, JsonNode> old = new LinkedHashMap<>();
        before.path("suppliers").forEach(s -> old.put(s.path("orgNo").asText(), s));
        Map<String, JsonNode> now = new LinkedHashMap<>();
        after.path("suppliers").forEach(s -> now.put(s.path("orgNo").asText(), s));
        old.keySet().stream().filter(o -> !now.containsKey(o)).forEach(o -> out.add("lot " + lotId + ": supplier " + o + " removed"));
        now.forEach((orgNo, s) -> {
            JsonNode o = old.get(orgNo);
            if (o == null) {
                out.add("lot " + lotId + ": supplier " + orgNo + " added");
                return;
            }
            for (String field : List.of("rank", "status", "rates")) {
                if (!Objects.equals(o.get(field), s.get(field))) {
                    out.add("lot " + lotId + ": " + field + " of supplier " + orgNo);
                }
            }
        });
    }

    private static Map<String, JsonNode> lots(JsonNode framework) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        framework.path("lots").forEach(l -> out.put(l.path("id").asText(), l));
        return out;
    }
}
