package no.skymarked.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;

/** The log's Ed25519 signing key: its public half (X.509 SubjectPublicKeyInfo) is served, the private half signs checkpoints. */
public final class LogKey {
    private final PrivateKey privateKey;
    private final byte[] publicKey;
    private final String id;

    private LogKey(PrivateKey privateKey, byte[] publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey.clone();
        this.id = Checkpoint.keyId(publicKey);
    }

    public static LogKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new LogKey(pair.getPrivate(), pair.getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required by every Java platform since 15", e);
        }
    }

    /** From the PKCS#8 private key and X.509 public key encodings. */
    public static LogKey of(byte[] pkcs8, byte[] publicKey) {
        try {
            return new LogKey(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)), publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the log key is not an Ed25519 key", e);
        }
    }

    /** The public half alone: a server whose key-encryption key does not unwrap the stored key verifies and serves, but signs nothing. */
    public static LogKey publicOnly(byte[] publicKey) {
        return new LogKey(null, publicKey);
    }

    public boolean canSign() {
        return privateKey != null;
    }

    public String id() {
        return id;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public byte[] privateKeyEncoded() {
        return privateKey.getEncoded();
    }

    public Checkpoint sign(String origin, long treeSize, byte[] rootHash, Instant issuedAt) {
        if (privateKey == null) {
            throw new IllegalStateException("this server cannot sign with log key " + id + ": its key-encryption key does not unwrap it");
        }
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(Checkpoint.note(origin, treeSize, rootHash, issuedAt).getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(origin, treeSize, rootHash, issuedAt, id, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing a checkpoint failed", e);
        }
    }
}
