package no.skymarked.catalogue;

import java.util.List;
import no.skymarked.shared.Problem;
import no.skymarked.shared.ProblemException;

/** What every editor's change checks first: the If-Match version, and the problems found, all at once. */
public final class EditChecks {
    private EditChecks() {
    }

    /** The version {@code ifMatch} names, when it is the current one: 428 without it, 412 when it is stale. */
    public static int expectedVersion(String ifMatch, CatalogueRepository.Versioned current, String what) {
        if (ifMatch == null) {
            throw new ProblemException(428, "/problems/precondition-required", "If-Match required",
                    "send If-Match with the ETag you read (now " + current.etag() + ") so no one else's change is lost", List.of());
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "");
        if (!tag.equals(current.etag())) {
            throw stale(current, what);
        }
        return current.version();
    }

    public static ProblemException stale(CatalogueRepository.Versioned current, String what) {
        return new ProblemException(412, "/problems/stale-version", "Changed since you read it",
                "the " + what + " changed since you read it; it is now " + current.etag() + ": read it again and reapply your change",
                List.of());
    }

    /** One 422 with every problem, when there are any. */
    public static void refuseIf(List<Problem.FieldError> errors, String what) {
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "/problems/invalid-" + what, "Invalid " + what,
                    errors.size() + " problem(s), first: " + errors.get(0).pointer() + " " + errors.get(0).detail(), errors);
        }
    }
}
