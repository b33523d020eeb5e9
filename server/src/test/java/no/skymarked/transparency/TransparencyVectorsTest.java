package no.skymarked.transparency;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The log's hashing and proofs against the published vectors of an independent implementation (transparency-dev/merkle,
 * test resources {@code transparency-dev-merkle/}): every inclusion and consistency vector verifies exactly when it
 * should, the roots of its eight-leaf reference tree match, and the proofs this tree makes equal the happy paths'.
 */
class TransparencyVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The reference tree's leaf inputs and roots by size (transparency-dev/merkle, testonly/constants.go). */
    private static final String[] LEAF_INPUTS = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private static MerkleTree referenceTree() {
        MerkleTree tree = new MerkleTree();
        for (String input : LEAF_INPUTS) {
            tree.append(Merkle.leafHash(HexFormat.of().parseHex(input)));
        }
        return tree;
    }

    @Test
    void theRootsOfTheReferenceTreeMatchEverySize() {
        MerkleTree tree = referenceTree();
        for (int size = 0; size <= LEAF_INPUTS.length; size++) {
            assertThat("root of size " + size, HexFormat.of().formatHex(tree.root(size)), is(ROOTS[size]));
        }
    }

    @TestFactory
    Stream<DynamicTest> inclusionVectors() throws Exception {
        List<Path> files = vectors("inclusion");
        assertThat(files.size(), greaterThan(80));
        return files.stream().map(f -> DynamicTest.dynamicTest(name(f), () -> {
            JsonNode v = JSON.readTree(f.toFile());
            boolean ok = Merkle.verifyInclusion(v.get("leafIdx").asLong(), v.get("treeSize").asLong(), b64(v.get("leafHash")),
                    proof(v.get("proof")), b64(v.get("root")));
            assertThat(name(f) + ": " + v.get("desc").asText(), ok, is(!v.get("wantErr").asBoolean()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyVectors() throws Exception {
        List<Path> files = vectors("consistency");
        assertThat(files.size(), greaterThan(80));
        return files.stream().map(f -> DynamicTest.dynamicTest(name(f), () -> {
            JsonNode v = JSON.readTree(f.toFile());
            boolean ok = Merkle.verifyConsistency(v.get("size1").asLong(), v.get("size2").asLong(), b64(v.get("root1")),
                    b64(v.get("root2")), proof(v.get("proof")));
            assertThat(name(f) + ": " + v.get("desc").asText(), ok, is(!v.get("wantErr").asBoolean()));
        }));
    }

    /** The happy paths over the reference tree are the proofs this tree makes for the same positions. */
    @Test
    void theProofsThisTreeMakesAreThePublishedOnes() throws Exception {
        MerkleTree tree = referenceTree();
        int compared = 0;
        for (Path f : vectors("inclusion")) {
            JsonNode v = JSON.readTree(f.toFile());
            long size = v.get("treeSize").asLong();
            if (f.getFileName().toString().equals("happy-path.json") && size <= LEAF_INPUTS.length
                    && HexFormat.of().formatHex(b64(v.get("root"))).equals(ROOTS[(int) size])) {
                assertThat(name(f), hex(tree.inclusionProof(v.get("leafIdx").asLong(), size)), is(hex(proof(v.get("proof")))));
                compared++;
            }
        }
        for (Path f : vectors("consistency")) {
            JsonNode v = JSON.readTree(f.toFile());
            long size2 = v.get("size2").asLong();
            if (f.getFileName().toString().equals("happy-path.json") && size2 <= LEAF_INPUTS.length && size2 > 0
                    && HexFormat.of().formatHex(b64(v.get("root2"))).equals(ROOTS[(int) size2])) {
                assertThat(name(f), hex(tree.consistencyProof(v.get("size1").asLong(), size2)), is(hex(proof(v.get("proof")))));
                compared++;
            }
        }
        assertThat(compared, greaterThan(4));
    }

    /** Every position of every size up to 8 proves, and every pair of sizes is consistent, by this tree's own proofs. */
    @Test
    void everyProofOfTheReferenceTreeVerifies() {
        MerkleTree tree = referenceTree();
        for (int size = 1; size <= LEAF_INPUTS.length; size++) {
            for (int i = 0; i < size; i++) {
                assertThat(Merkle.verifyInclusion(i, size, tree.leaf(i), tree.inclusionProof(i, size), tree.root(size)), is(true));
                assertThat(Merkle.verifyInclusion(i, size, tree.leaf((i + 1) % LEAF_INPUTS.length), tree.inclusionProof(i, size),
                        tree.root(size)), is(false));
            }
            for (int first = 1; first <= size; first++) {
                assertThat(Merkle.verifyConsistency(first, size, tree.root(first), tree.root(size), tree.consistencyProof(first, size)),
                        is(true));
            }
        }
    }

    private static List<Path> vectors(String kind) throws IOException, URISyntaxException {
        Path root = Path.of(TransparencyVectorsTest.class.getResource("/transparency-dev-merkle/" + kind).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static String name(Path f) {
        return f.getParent().getFileName() + "/" + f.getFileName();
    }

    private static byte[] b64(JsonNode n) {
        return n == null || n.isNull() ? null : Base64.getDecoder().decode(n.asText());
    }

    private static List<byte[]> proof(JsonNode n) {
        List<byte[]> out = new ArrayList<>();
        if (n != null && !n.isNull()) {
            n.forEach(p -> out.add(b64(p)));
        }
        return out;
    }

    private static List<String> hex(List<byte[]> proof) {
        return proof.stream().map(HexFormat.of()::formatHex).toList();
    }
}
