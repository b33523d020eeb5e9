package no.skymarked.calloff.domain;

import java.util.Locale;

/**
 * The second person of an approval: an approver must be named and must not be the person who makes the request
 * (compared without case and surrounding space). The requester is the token's subject, else its client; when the
 * request names no one, any named approver is another person.
 */
public final class Approvals {
    public static final String APPROVER_IS_REQUESTER = "APPROVER_IS_REQUESTER";

    private Approvals() {
    }

    public static boolean named(String text) {
        return text != null && !text.isBlank();
    }

    public static boolean samePerson(String approvedBy, String requester) {
        return named(approvedBy) && named(requester)
                && approvedBy.strip().toLowerCase(Locale.ROOT).equals(requester.strip().toLowerCase(Locale.ROOT));
    }
}
