package no.skymarked.calloff.application;

/** A supplier of the lot as the publication left it: INVITED, or EXCLUDED with the reason. */
public record Party(String orgNo, String status, String reason) {
    public static final String INVITED = "INVITED";
    public static final String EXCLUDED = "EXCLUDED";

    public boolean invited() {
        return INVITED.equals(status);
    }
}
