package no.skymarked.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The hashing and proof verification of the transparency log, as Certificate Transparency defines them (RFC 9162
 * §2.1): leaf hash = SHA-256(0x00 ‖ entry), node hash = SHA-256(0x01 ‖ left ‖ right), the empty tree's hash =
 * SHA-256 of nothing. Verification needs nothing but these functions, so an auditor can run it offline. Pure.
 */
public final class Merkle {
    public static final int HASH_BYTES = 32;

    private Merkle() {
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static byte[] leafHash(byte[] entry) {
        MessageDigest md = sha256();
        md.update((byte) 0x00);
        return md.digest(entry);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = sha256();
        md.update((byte) 0x01);
        md.update(left);
        return md.digest(right);
    }

    /**
     * RFC 9162 §2.1.3.2: whether {@code proof} shows the leaf {@code leafHash} at {@code index} in the tree of
     * {@code size} leaves whose root is {@code root}.
     */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || size <= 0 || index >= size || !isHash(leafHash) || !isHash(root) || !wellFormed(proof)) {
            return false;
        }
        byte[] r = rootFromInclusion(index, size, leafHash, proof);
        return r != null && Arrays.equals(r, root);
    }

    /** The root that an inclusion proof leads to, or {@code null} when the proof has the wrong length for the position. */
    static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> proof) {
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /**
     * RFC 9162 §2.1.4.2: whether {@code proof} shows that the tree of {@code size1} leaves with root {@code root1} is a
     * prefix of the tree of {@code size2} leaves with root {@code root2}. Equal sizes need an empty proof and equal
     * roots; an empty first tree is a prefix of every tree (empty proof).
     */
    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 <= 0 || size2 < size1 || root1 == null || root2 == null || proof == null) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && Arrays.equals(root1, root2);
        }
        if (!isHash(root1) || !isHash(root2) || !wellFormed(proof)) {
            return false;
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (int i = 1; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, root1) && Arrays.equals(sr, root2);
    }

    private static boolean wellFormed(List<byte[]> proof) {
        return proof != null && proof.stream().allMatch(Merkle::isHash);
    }

    private static boolean isHash(byte[] h) {
        return h != null && h.length == HASH_BYTES;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
