package no.skymarked.calloff;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import no.skymarked.shared.Json;
import no.skymarked.shared.ProblemException;
import org.junit.jupiter.api.Test;

class CallOffRequestTest {
    private static final String DAYS = """
            {"frameworkId": "f", "lotId": "l", "title": "t", "needDescription": "n",
             "estimatedHours": [{"roleId": "DEVELOPER", "days": "4"}, {"roleId": "ARCHITECT", "hours": "12.5"}]}
            """;

    @Test
    void daysNeedTheFrameworksHoursPerDay() {
        CallOffRequest req = CallOffRequest.read(Json.tree(DAYS));
        assertThat(req.resolve(new BigDecimal("7.5")).estimate().total().compareTo(new BigDecimal("42.5")), is(0));
        ProblemException e = assertThrows(ProblemException.class, () -> req.resolve(null));
        assertThat(e.status(), is(422));
        assertThat(e.toProblem("/").type(), is("/problems/hours-per-day-not-configured"));
    }

    @Test
    void everyFieldProblemIsReported() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> CallOffRequest.read(Json.tree("{\"lotId\": 3, \"estimatedHours\": [{\"hours\": \"x\"}], \"extra\": 1}")));
        var pointers = e.toProblem("/").errors().stream().map(no.skymarked.shared.Problem.FieldError::pointer).toList();
        assertThat(pointers.containsAll(java.util.List.of("/extra", "/frameworkId", "/lotId", "/title", "/needDescription",
                "/estimatedHours/0/roleId", "/estimatedHours/0/hours")), is(true));
    }
}
