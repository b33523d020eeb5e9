package no.skymarked.events;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may see a change in the feed: everyone (catalogue changes, which anyone may read), or the parties of a call-off:
 * its buyer agency, the suppliers it concerns, and auditors (who may read every call-off and its protocol).
 */
public record Audience(boolean isPublic, String buyerOrgNo, Set<String> suppliers) {
    public Audience {
        suppliers = Set.copyOf(suppliers);
    }

    public static Audience anyone() {
        return new Audience(true, null, Set.of());
    }

    public static Audience parties(String buyerOrgNo, Collection<String> suppliers) {
        return new Audience(false, buyerOrgNo, new TreeSet<>(suppliers.stream().filter(java.util.Objects::nonNull).toList()));
    }
}
