package no.skymarked.auth;

/** A bearer token was missing where required, malformed, expired or not trusted; the message is the reason. */
public class AuthenticationFailed extends RuntimeException {
    public AuthenticationFailed(String reason) {
        super(reason);
    }
}
