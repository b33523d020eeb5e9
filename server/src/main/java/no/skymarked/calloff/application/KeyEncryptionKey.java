package no.skymarked.calloff.application;

/**
 * The key-encryption key (KEK) that wraps each competition's tender key. It lives outside the data directory and the
 * database (a file or an environment secret; a KMS or HSM can implement this interface), so a backup of either opens
 * nothing. {@code context} is bound to the wrapped bytes: unwrapping with another context fails.
 */
public interface KeyEncryptionKey {
    /** A stable, non-secret name of this KEK, kept beside every key it wraps and recorded in the protocol at each unwrap. */
    String id();

    byte[] wrap(byte[] key, String context);

    /** Throws {@link java.security.GeneralSecurityException} wrapped as {@link IllegalStateException} if this KEK did not wrap it. */
    byte[] unwrap(byte[] wrapped, String context);
}
