package no.skymarked.catalogue.search;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentsTest {
    private static Map<String, String> services(int from, int to, String text) {
        Map<String, String> out = new HashMap<>();
        for (int i = from; i < to; i++) {
            out.put("s" + i, text + i);
        }
        return out;
    }

    @Test
    void aChangeReplacesOrAddsAndTheEarlierSnapshotKeepsItsOwn() {
        Documents built = Documents.empty().with(services(0, 100, "v1-"));
        Documents next = built.with(Map.of("s7", "v2-7", "new", "{}"));
        assertThat(next.get("s7"), is("v2-7"));
        assertThat(next.get("s8"), is("v1-8"));
        assertThat(next.get("new"), is("{}"));
        assertThat(next.size(), is(101));
        assertThat(built.get("s7"), is("v1-7"));
        assertThat(built.get("new"), is(nullValue()));
        assertThat(built.size(), is(100));
    }

    @Test
    void theCharacterCountFollowsReplacementsAndFoldingIntoANewCopyChangesNothingSeen() {
        Documents built = Documents.empty().with(services(0, 200, "abc"));
        long chars = built.chars();
        assertThat(chars, is(services(0, 200, "abc").values().stream().mapToLong(String::length).sum()));
        Documents next = built;
        // more changes than are kept aside (64 here): each step is still right, kept aside or folded into a new copy
        for (int i = 0; i < 150; i++) {
            next = next.with(Map.of("s" + i, "x".repeat(i)));
            chars += i - ("abc" + i).length();
            assertThat(next.chars(), is(chars));
            assertThat(next.get("s" + i), is("x".repeat(i)));
            assertThat(next.size(), is(200));
        }
        for (int i = 0; i < 150; i++) {
            assertThat(next.get("s" + i), is("x".repeat(i)));
        }
        for (int i = 150; i < 200; i++) {
            assertThat(next.get("s" + i), is("abc" + i));
        }
        assertThat(built.get("s3"), is("abc3"));
    }

    @Test
    void noChangeIsTheSameSnapshot() {
        Documents built = Documents.empty().with(services(0, 3, "a"));
        assertThat(built.with(Map.of()), is(sameInstance(built)));
    }
}
