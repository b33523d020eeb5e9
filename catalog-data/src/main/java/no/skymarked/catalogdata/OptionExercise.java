package no.skymarked.catalogdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A change that exercises an option, judged on the day it is made (domain rules §5.1, E39, E40): an option is
 * exercised on the day the change is recorded, only while the period it extends still runs (FOA § 26-1(4): an
 * exercise after the framework ended would revive an expired framework; that needs a new procurement), with a
 * warning when its notice deadline has passed (KOFA 2021/615: allowed, not a substantial change). The date an option
 * was exercised is history: a later change keeps it.
 */
public final class OptionExercise {
    /** FOA § 26-1(4): the option would be exercised after the period it extends ended. */
    public static final String AFTER_END = "OPTION_EXERCISED_AFTER_END";
    /** The exercise date of a newly exercised option is not the day of the change. */
    public static final String NOT_TODAY = "OPTION_EXERCISE_DATE_NOT_TODAY";
    /** An earlier exercise date was changed. */
    public static final String HISTORY_CHANGED = "OPTION_EXERCISE_DATE_CHANGED";
    /** Warning (E39): exercised after the option's notice deadline, before the framework ended. */
    public static final String AFTER_NOTICE_DEADLINE = "OPTION_EXERCISED_AFTER_NOTICE_DEADLINE";

    /** One finding: a stable code, the JSON pointer into the new document, and a sentence naming the rule. */
    public record Finding(String code, String pointer, String detail) {
    }

    /** Refusals block the change; warnings are shown and kept. */
    public record Result(List<Finding> refusals, List<Finding> warnings) {
    }

    private OptionExercise() {
    }

    /** The day an option newly exercised in {@code after} gets when the change leaves its date out. */
    public static boolean newlyExercised(JsonNode before, JsonNode after, int index) {
        JsonNode was = before == null ? null : before.path("period").path("options").get(index);
        return after.path("period").path("options").path(index).path("exercised").asBoolean()
                && (was == null || !was.path("exercised").asBoolean());
    }

    /** Judges the options of {@code after} against {@code before} (null for a new framework: nothing to judge) on {@code today}. */
    public static Result check(JsonNode before, JsonNode after, LocalDate today) {
        List<Finding> refusals = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        JsonNode options = after.path("period").path("options");
        for (int i = 0; before != null && i < options.size(); i++) {
            if (!options.get(i).path("exercised").asBoolean()) {
                continue;
            }
            try {
                if (newlyExercised(before, after, i)) {
                    judge(after.path("period"), i, today, refusals, warnings);
                } else {
                    keepsHistory(before.path("period").path("options").get(i), options.get(i), i, refusals);
                }
            } catch (java.time.DateTimeException e) {
                // a malformed date is reported by the checks of the file
            }
        }
        return new Result(refusals, warnings);
    }

    private static void keepsHistory(JsonNode was, JsonNode option, int i, List<Finding> refusals) {
        String earlier = was.path("exercisedOn").asText(null);
        if (earlier != null && !earlier.equals(option.path("exercisedOn").asText(null))) {
            refusals.add(new Finding(HISTORY_CHANGED, "/period/options/" + i + "/exercisedOn", "option " + (i + 1)
                    + " was exercised on " + earlier + "; that date is history and stays as recorded"));
        }
    }

    private static void judge(JsonNode period, int i, LocalDate today, List<Finding> refusals, List<Finding> warnings) {
        JsonNode option = period.path("options").get(i);
        String at = "/period/options/" + i;
        String given = option.path("exercisedOn").asText(null);
        if (given != null && !given.equals(today.toString())) {
            refusals.add(new Finding(NOT_TODAY, at + "/exercisedOn", "an option is exercised on the day the change is"
                    + " recorded: today, " + today + ", not " + given + " (leave exercisedOn out and it is set)"));
        }
        LocalDate end = FrameworkPeriod.endBefore(period, i);
        if (today.isAfter(end)) {
            refusals.add(new Finding(AFTER_END, at + "/exercised", "FOA § 26-1(4): option " + (i + 1) + " cannot be"
                    + " exercised after the framework's current end date " + end + " (today is " + today + "); exercising it"
                    + " now would revive an expired framework. A new procurement is needed."));
        } else if (option.hasNonNull("noticeDeadline") && today.isAfter(LocalDate.parse(option.path("noticeDeadline").asText()))) {
            warnings.add(new Finding(AFTER_NOTICE_DEADLINE, at + "/exercised", "option " + (i + 1) + " is exercised on "
                    + today + ", after its notice deadline " + option.path("noticeDeadline").asText() + " but before the"
                    + " framework's end " + end + ": allowed (KOFA 2021/615); keep the suppliers' acceptance on file"));
        }
    }
}
