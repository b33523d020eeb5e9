package no.skymarked;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/** The contract checker itself must be able to fail. */
class SpecContractTest {

    @Test
    void conformingBodiesPass() {
        assertThat(SpecContract.problems("getMe", 200, "{\"orgNo\": \"991825827\", \"roles\": [\"BUYER\"]}"), is(empty()));
        assertThat(SpecContract.problems("getService", 404, "{\"type\": \"/problems/not-found\", \"title\": \"Not found\", \"status\": 404}"),
                is(empty()));
    }

    @Test
    void wrongTypesMissingFieldsAndBadEnumsFail() {
        assertThat(SpecContract.problems("getMe", 200, "{\"orgNo\": 991825827, \"roles\": [\"BUYER\"]}"), is(not(empty())));
        assertThat(SpecContract.problems("getMe", 200, "{\"roles\": [\"KING\"]}"), is(not(empty())));
        assertThat(SpecContract.problems("getService", 404, "{\"title\": \"Not found\"}"), is(not(empty())));
        assertThat(SpecContract.problems("getService", 200, "{\"id\": \"x\"}"), is(not(empty())));
        assertThat(SpecContract.problems("getMe", 418, "{}"), is(not(empty())));
    }
}
