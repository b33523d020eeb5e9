package no.skymarked.transparency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An append-only Merkle tree over leaf hashes in memory, answering the root, inclusion proofs and consistency proofs
 * of any size up to its own (RFC 9162 §2.1.1, §2.1.3.1, §2.1.4.1). The hash of every complete, aligned subtree is kept
 * once computed: such a subtree never changes in an append-only log, so a root or proof costs O(log n) hashes after
 * the first. Thread-safe.
 */
public final class MerkleTree {
    private final List<byte[]> leaves = new ArrayList<>();
    /** Hashes of complete subtrees by (level, index): the subtree of 2^level leaves starting at index × 2^level. */
    private final Map<Long, byte[]> perfect = new HashMap<>();

    public synchronized void append(byte[] leafHash) {
        if (leafHash.length != Merkle.HASH_BYTES) {
            throw new IllegalArgumentException("a leaf hash has " + Merkle.HASH_BYTES + " bytes");
        }
        leaves.add(leafHash.clone());
    }

    public synchronized long size() {
        return leaves.size();
    }

    public synchronized byte[] leaf(long index) {
        return leaves.get(Math.toIntExact(index)).clone();
    }

    /** The root of the tree of the first {@code size} leaves. */
    public synchronized byte[] root(long size) {
        check(size);
        return size == 0 ? Merkle.emptyRoot() : hash(0, size);
    }

    /** PATH(index, D[size]): the audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
    public synchronized List<byte[]> inclusionProof(long index, long size) {
        check(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> out = new ArrayList<>();
        path(index, 0, size, out);
        return out;
    }

    /** PROOF(size1, D[size2]): that the tree of {@code size1} leaves is a prefix of the tree of {@code size2}. */
    public synchronized List<byte[]> consistencyProof(long size1, long size2) {
        check(size2);
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("size " + size1 + " is not within 0.." + size2);
        }
        List<byte[]> out = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            subproof(size1, 0, size2, true, out);
        }
        return out;
    }

    private void path(long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n <= 1) {
            return;
        }
        long k = splitPoint(n);
        if (m < k) {
            path(m, start, start + k, out);
            out.add(hash(start + k, end));
        } else {
            path(m - k, start + k, end, out);
            out.add(hash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean complete, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                out.add(hash(start, end));
            }
            return;
        }
        long k = splitPoint(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, out);
            out.add(hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(hash(start, start + k));
        }
    }

    /** MTH(D[start:end]), non-empty. */
    private byte[] hash(long start, long end) {
        long n = end - start;
        if (n == 1) {
            return leaves.get(Math.toIntExact(start));
        }
        boolean complete = Long.bitCount(n) == 1 && start % n == 0;
        Long key = complete ? (Long.numberOfTrailingZeros(n) * (1L << 40)) + start / n : null;
        if (complete) {
            byte[] known = perfect.get(key);
            if (known != null) {
                return known;
            }
        }
        long k = splitPoint(n);
        byte[] h = Merkle.nodeHash(hash(start, start + k), hash(start + k, end));
        if (complete) {
            perfect.put(key, h);
        }
        return h;
    }

    /** The largest power of two smaller than {@code n} (n > 1). */
    private static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    private void check(long size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("the tree has " + leaves.size() + " leaves, not " + size);
        }
    }
}
