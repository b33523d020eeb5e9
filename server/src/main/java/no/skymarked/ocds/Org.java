package no.skymarked.ocds;

/** An organisation by its Norwegian organisation number (Brønnøysund register, OCDS scheme NO-BRC), and its name when known. */
public record Org(String orgNo, String name) {
    public static final String SCHEME = "NO-BRC";

    /** The id of its entry in a release's parties. */
    public String partyId() {
        return SCHEME + "-" + orgNo;
    }
}
