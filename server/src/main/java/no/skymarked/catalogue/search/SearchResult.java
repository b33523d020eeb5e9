package no.skymarked.catalogue.search;

import java.util.List;
import java.util.Map;

/**
 * One page of matching services with facet counts over every match (not just the page); {@code highlights} (when
 * asked for) has each listed service's matched snippets by field.
 */
public record SearchResult(List<Hit> items, String nextCursor, Map<String, List<Facet>> facets,
                           Map<String, Map<String, String>> highlights) {
    /** A matching service: its id and its document as stored, served without being parsed again. */
    public record Hit(String id, String json) {
    }
}
