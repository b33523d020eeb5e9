package no.skymarked.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** One page of matching services with facet counts over every match (not just the page). */
public record SearchResult(List<JsonNode> items, String nextCursor, Map<String, List<Facet>> facets) {
}
