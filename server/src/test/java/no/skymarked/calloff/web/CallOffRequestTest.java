package no.skymarked.calloff.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import no.skymarked.shared.Json;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.RequestSchemas;
import org.junit.jupiter.api.Test;

/** The body of {@code POST /v1/call-offs} is read against the spec's CallOffRequest schema, every field problem with its pointer. */
class CallOffRequestTest {
    @Test
    void everyFieldProblemIsReportedWithTheSpecDerivedPointer() {
        ProblemException e = assertThrows(ProblemException.class, () -> RequestSchemas.validate("createCallOff",
                Json.tree("{\"lotId\": 3, \"estimatedHours\": [{\"hours\": \"x\"}], \"extra\": 1}"), "/problems/invalid-call-off"));
        assertThat(e.status(), is(422));
        assertThat(e.toProblem("/").type(), is("/problems/invalid-call-off"));
        var pointers = e.toProblem("/").errors().stream().map(no.skymarked.shared.Problem.FieldError::pointer).toList();
        assertThat(pointers.toString(), pointers.containsAll(java.util.List.of("/extra", "/frameworkId", "/lotId", "/title",
                "/needDescription", "/estimatedHours/0/roleId", "/estimatedHours/0/hours")), is(true));
    }

    @Test
    void aSpecValidBodyMapsToTheCommandInHoursOrDays() {
        var body = Json.tree("""
                {"frameworkId": "f", "lotId": "l", "title": "t", "needDescription": "n",
                 "estimatedHours": [{"roleId": "DEVELOPER", "days": "4"}, {"roleId": "ARCHITECT", "hours": "12.5"}]}
                """);
        var command = CallOffRequests.command(RequestSchemas.validate("createCallOff", body, "/problems/invalid-call-off"), null);
        assertThat(command.lines().get(0).days().toPlainString(), is("4"));
        assertThat(command.lines().get(0).hours() == null, is(true));
        assertThat(command.lines().get(1).hours().toPlainString(), is("12.5"));
    }
}
