package no.skymarked.calloff.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.skymarked.calloff.domain.Violation;

/** Domain violations as one refusal: typed by the rule when they share one, else by {@code typeIfSeveral}. */
final class Violations {
    private Violations() {
    }

    static void refuseIfAny(List<Violation> violations, String typeIfSeveral) {
        if (violations.isEmpty()) {
            return;
        }
        List<Refusal.Field> fields = violations.stream().map(v -> new Refusal.Field(v.pointer(), v.message())).toList();
        boolean oneKind = violations.stream().map(Violation::code).distinct().count() == 1;
        Map<String, String> members = new LinkedHashMap<>();
        violations.forEach(v -> v.members().forEach(members::putIfAbsent));
        throw new Refusal(Refusal.Kind.UNPROCESSABLE, oneKind ? Refusal.typeOf(violations.get(0).code()) : typeIfSeveral,
                Refusal.TITLE_OF_TYPE, violations.size() + " problem(s): " + violations.get(0).pointer() + " " + violations.get(0).message(), fields,
                members);
    }

    static Refusal of(Violation v) {
        return new Refusal(Refusal.Kind.UNPROCESSABLE, Refusal.typeOf(v.code()), Refusal.TITLE_OF_TYPE, v.message(),
                v.pointer() == null ? List.of() : List.of(new Refusal.Field(v.pointer(), v.message())), v.members());
    }
}
