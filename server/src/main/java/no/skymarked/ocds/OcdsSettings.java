package no.skymarked.ocds;

/**
 * What every package says about its publication: the ocid prefix, the publisher (name, and its identifier under
 * {@code publisherScheme}, e.g. NO-BRC and an organisation number), the licence and the publication policy (URLs).
 * {@code baseUrl} is where the API is reached from outside (null: the address each request was made to).
 */
public record OcdsSettings(String prefix, String publisherName, String publisherScheme, String publisherUid, String publisherUri,
                           String license, String publicationPolicy, String baseUrl) {
    /** Norwegian Licence for Open Government Data (NLOD) 2.0. */
    public static final String NLOD = "https://data.norge.no/nlod/no/2.0";
    /** OCDS release schema version of the packages. */
    public static final String VERSION = "1.1";
    /** The Techniques extension the releases use (framework agreement, competitive call-offs), at the commit validated against. */
    public static final String TECHNIQUES = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/"
            + "5568b00a8dd694a3d34441bdd9ef2bd3f9d44b11/extension.json";
    /** The Pagination extension: {@code links.next} of release packages. */
    public static final String PAGINATION = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_pagination_extension/"
            + "master/extension.json";

    public OcdsSettings {
        new Ocid(prefix);
    }
}
