package no.skymarked.calloff.application;

import no.skymarked.auth.Principal;

/** How a caller is named in the protocol: organisation, client and roles. */
public final class Actor {
    private Actor() {
    }

    public static String of(Principal p) {
        return p.orgNo() + (p.clientId() == null ? "" : "/" + p.clientId()) + " " + p.roles();
    }
}
