package no.skymarked.catalogue.search;

/**
 * How many matching services have a value; {@code label} is a display name where the key is a code; {@code selected}
 * when the search filters on it (a selected value is listed even when nothing matches it).
 */
public record Facet(String key, long count, String label, boolean selected) {
}
