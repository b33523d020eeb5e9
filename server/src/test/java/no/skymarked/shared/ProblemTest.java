package no.skymarked.shared;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 9457 extension members are written beside the standard members, and nothing is written when there are none. */
class ProblemTest {
    @Test
    void extensionMembersAreTopLevelMembers() {
        Problem p = new Problem("/problems/deadline-not-a-working-day", "Refused", 422, "d", "/i",
                List.of(Problem.FieldError.pointer("/tenderDeadline", "d")), Map.of("suggestedDeadline", "2026-12-28T11:00:00Z"));
        assertThat(Json.text(p), is("{\"type\":\"/problems/deadline-not-a-working-day\",\"title\":\"Refused\",\"status\":422,"
                + "\"detail\":\"d\",\"instance\":\"/i\",\"errors\":[{\"pointer\":\"/tenderDeadline\",\"detail\":\"d\"}],"
                + "\"suggestedDeadline\":\"2026-12-28T11:00:00Z\"}"));
        assertThat(Json.text(new Problem("/problems/not-found", "Not found", 404, null, null, null)),
                is("{\"type\":\"/problems/not-found\",\"title\":\"Not found\",\"status\":404}"));
    }
}
