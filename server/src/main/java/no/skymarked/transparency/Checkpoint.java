package no.skymarked.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed statement of the log's size and root hash at a time. The signed bytes are the checkpoint's note, in the
 * layout of C2SP tlog-checkpoint: the origin line, the tree size, the base64 root hash, then the time as an extension
 * line, each ended by a newline. The signature is Ed25519 over the note's UTF-8 bytes: any JDK since 15 verifies it
 * with the public key alone ({@link #verify}).
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, Instant issuedAt, String keyId, byte[] signature) {
    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("the origin is one non-empty line");
        }
    }

    /** The signed text. */
    public String note() {
        return note(origin, treeSize, rootHash, issuedAt);
    }

    public static String note(String origin, long treeSize, byte[] rootHash, Instant issuedAt) {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\ntime " + issuedAt + "\n";
    }

    public String rootHex() {
        return HexFormat.of().formatHex(rootHash);
    }

    /** Whether {@code signature} is the Ed25519 signature of {@link #note()} by the key {@code publicKey} (X.509 SubjectPublicKeyInfo). */
    public boolean verify(byte[] publicKey) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(note().getBytes(StandardCharsets.UTF_8));
            return signature != null && verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A key's id: the first 16 hex digits of SHA-256 of its SubjectPublicKeyInfo. */
    public static String keyId(byte[] publicKey) {
        return HexFormat.of().formatHex(Merkle.sha256().digest(publicKey)).substring(0, 16);
    }
}
