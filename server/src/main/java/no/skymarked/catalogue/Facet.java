package no.skymarked.catalogue;

/** How many matching services have a value; {@code label} is a display name where the key is a code. */
public record Facet(String key, long count, String label) {
}
