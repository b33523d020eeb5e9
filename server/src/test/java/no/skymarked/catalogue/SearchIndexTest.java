package no.skymarked.catalogue;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-memory search answers exactly as the SQL search over the demo catalogue: the same services in the same
 * order page by page, the same cursors and the same facets. (On PostgreSQL, whose collation orders names its own
 * way, the pages are compared as sets.)
 */
class SearchIndexTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension();

    static Stream<Arguments> queries() {
        List<String> none = List.of();
        List<String> active = List.of("ACTIVE");
        return Stream.of(
                Arguments.of(new SearchQuery(none, none, none, none, none, none, active), 10),
                Arguments.of(new SearchQuery(List.of("arkiv"), none, none, none, none, none, active), 5),
                Arguments.of(new SearchQuery(List.of("sky"), List.of("SAAS", "IAAS"), none, none, none, none, active), 3),
                Arguments.of(new SearchQuery(List.of("data", "norge"), none, none, none, none, none, active), 4),
                Arguments.of(new SearchQuery(List.of("e"), none, none, List.of("NO"), List.of("ISO_27001"), none, active), 7),
                Arguments.of(new SearchQuery(List.of("lagring"), none, none, none, none, List.of("cloud-infrastruktur-2026"), active), 2),
                Arguments.of(new SearchQuery(none, List.of("CONSULTING"), none, none, none, none, List.of("ACTIVE", "WITHDRAWN")), 6),
                Arguments.of(new SearchQuery(List.of("finnesikkeiheletatt"), none, none, none, none, none, active), 10),
                Arguments.of(new SearchQuery(List.of("ø"), none, none, none, none, none, active), 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void memoryAndSqlGiveTheSameAnswer(SearchQuery query, int limit) {
        var db = SERVER.server().running().context().db();
        CatalogueRepository sql = new CatalogueRepository(db, false);
        CatalogueRepository memory = new CatalogueRepository(db, true);
        boolean ordered = !SERVER.server().database().isPostgres();
        for (int offset = 0; offset < 80; offset += limit) {
            SearchResult a = sql.search(query, limit, offset);
            SearchResult b = memory.search(query, limit, offset);
            if (ordered) {
                assertThat("page at " + offset, ids(b.items()), is(ids(a.items())));
            } else {
                assertThat("page at " + offset, new HashSet<>(ids(b.items())), is(new HashSet<>(ids(a.items()))));
            }
            assertThat("cursor at " + offset, b.nextCursor(), is(a.nextCursor()));
            assertThat("facets at " + offset, b.facets(), is(a.facets()));
            if (a.nextCursor() == null) {
                break;
            }
        }
    }

    @Test
    void theDemoCatalogueGivesTheseQueriesSomethingToFind() {
        var memory = new CatalogueRepository(SERVER.server().running().context().db(), true);
        List<String> none = List.of();
        assertThat(memory.search(new SearchQuery(List.of("arkiv"), none, none, none, none, none, List.of("ACTIVE")), 100, 0)
                .items().size(), greaterThan(0));
    }

    private static List<String> ids(List<JsonNode> items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path("id").asText()));
        return out;
    }
}
