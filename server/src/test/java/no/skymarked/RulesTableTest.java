package no.skymarked;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/rules.md} honest: every edge case E1–E50 of the domain rules has exactly one row, with a known
 * status; every row that claims tests names them, and every test it names is a test method in the test sources;
 * every case out of scope points to its written reason. Runs with the server module as working directory.
 */
class RulesTableTest {
    private static final Path REPOSITORY = Path.of("..");
    private static final Path TABLE = REPOSITORY.resolve("docs/rules.md");
    private static final List<Path> TEST_SOURCES = List.of(REPOSITORY.resolve("server/src/test/java"),
            REPOSITORY.resolve("catalog-data/src/test/java"));
    private static final Set<String> STATUSES = Set.of("tested", "partly", "out of scope");
    private static final Pattern TEST_NAME = Pattern.compile("`(\\w+Test)\\.(\\w+)`");
    private static final Pattern NOTES_FILE = Pattern.compile("docs/rules-notes/[\\w-]+\\.md");
    private static final Pattern TEST_ANNOTATION =
            Pattern.compile("^@([\\w.]+\\.)?(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b.*");
    private static final String POINTS_HEADING = "## Issue 12, points 1–11";

    /** A row of a Markdown table: its cells without the outer pipes, and the line it is on. */
    private record Row(int line, List<String> cells) {
        String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(TABLE);
        } catch (IOException e) {
            throw new UncheckedIOException("docs/rules.md must exist (read from " + TABLE.toAbsolutePath() + ")", e);
        }
    }

    /** Rows of the table whose first cell matches {@code firstCell}, between {@code from} and {@code to} (exclusive). */
    private static List<Row> rows(List<String> lines, int from, int to, Pattern firstCell) {
        List<Row> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String line = lines.get(i).strip().replaceAll("<!--.*?-->\\s*$", "").strip();
            if (!line.startsWith("|") || !line.endsWith("|")) {
                continue;
            }
            List<String> cells = Stream.of(line.substring(1, line.length() - 1).split("\\|", -1)).map(String::strip).toList();
            if (firstCell.matcher(cells.get(0)).matches()) {
                out.add(new Row(i + 1, cells));
            }
        }
        return out;
    }

    /** The line index of the issue's points section, or the number of lines when there is none. */
    private static int pointsHeading(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(POINTS_HEADING)) {
                return i;
            }
        }
        return lines.size();
    }

    /** Each test class's source files (one simple name may live in several packages). */
    private static Map<String, List<String>> testSources() {
        Map<String, List<String>> sources = new HashMap<>();
        for (Path root : TEST_SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String name = f.getFileName().toString().replaceFirst("\\.java$", "");
                    sources.computeIfAbsent(name, k -> new ArrayList<>()).add(Files.readString(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    /** Whether {@code source} declares {@code void method(} annotated as a JUnit test. */
    static boolean declaresTest(String source, String method) {
        Matcher m = Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(").matcher(source);
        while (m.find()) {
            String[] before = source.substring(0, m.start()).split("\n", -1);
            for (int i = before.length - 2; i >= 0; i--) {
                String l = before[i].strip();
                if (l.equals("}") || l.endsWith(";") || (l.endsWith("{") && !l.startsWith("@"))) {
                    break;
                }
                if (TEST_ANNOTATION.matcher(l).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void everyEdgeCaseHasExactlyOneRowWithAKnownStatus() {
        List<String> lines = lines();
        List<Row> rows = rows(lines, 0, pointsHeading(lines), Pattern.compile("E\\d+"));
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Row r : rows) {
            Integer earlier = seen.put(r.cell(0), r.line());
            if (earlier != null) {
                problems.add(r.cell(0) + " has a second row at line " + r.line() + " (first at line " + earlier + ")");
            }
            if (r.cells().size() != 5) {
                problems.add(r.cell(0) + " (line " + r.line() + ") has " + r.cells().size() + " cells, not 5: ID, case, status, tests, note");
            }
            if (!STATUSES.contains(r.cell(2))) {
                problems.add(r.cell(0) + " (line " + r.line() + ") has status '" + r.cell(2) + "', not one of " + STATUSES);
            }
            if (r.cell(1).isBlank()) {
                problems.add(r.cell(0) + " (line " + r.line() + ") does not say what the case is");
            }
        }
        for (int i = 1; i <= 50; i++) {
            if (!seen.containsKey("E" + i)) {
                problems.add("E" + i + " has no row");
            }
        }
        seen.keySet().stream().filter(id -> !id.matches("E([1-9]|[1-4][0-9]|50)")).forEach(id -> problems.add(id + " is not an edge case E1–E50"));
        assertThat(String.join("\n", problems), problems, is(empty()));
    }

    @Test
    void everyRowClaimingTestsNamesThemAndEveryCaseOutOfScopeGivesItsWrittenReason() {
        List<String> lines = lines();
        List<String> problems = new ArrayList<>();
        for (Row r : rows(lines, 0, pointsHeading(lines), Pattern.compile("E\\d+"))) {
            String where = r.cell(0) + " (line " + r.line() + ")";
            String tests = r.cell(3);
            boolean namesTests = TEST_NAME.matcher(tests).find();
            if (!tests.equals("—")) {
                for (String entry : tests.split(",")) {
                    if (!TEST_NAME.matcher(entry.strip()).matches()) {
                        problems.add(where + ": '" + entry.strip() + "' is not a test named `Class.method`");
                    }
                }
            }
            switch (r.cell(2)) {
                case "tested", "partly" -> {
                    if (!namesTests) {
                        problems.add(where + " is " + r.cell(2) + " but names no test");
                    }
                    if (r.cell(4).isBlank()) {
                        problems.add(where + " says nothing of what is asserted" + (r.cell(2).equals("partly") ? " or missing" : ""));
                    }
                }
                case "out of scope" -> {
                    Matcher notes = NOTES_FILE.matcher(r.cell(4));
                    if (!notes.find()) {
                        problems.add(where + " is out of scope without pointing to its reason in docs/rules-notes/*.md");
                    } else if (!Files.isRegularFile(REPOSITORY.resolve(notes.group()))) {
                        problems.add(where + " points to " + notes.group() + ", which does not exist");
                    }
                    if (r.cell(4).length() < 40) {
                        problems.add(where + " is out of scope without saying why");
                    }
                }
                default -> { }
            }
        }
        assertThat(String.join("\n", problems), problems, is(empty()));
    }

    @Test
    void everyPointOfTheIssueIsListedOnceWithItsTests() {
        List<String> lines = lines();
        int heading = pointsHeading(lines);
        assertThat("docs/rules.md has the section '" + POINTS_HEADING + "'", heading < lines.size(), is(true));
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Row r : rows(lines, heading, lines.size(), Pattern.compile("\\d+"))) {
            if (seen.put(r.cell(0), r.line()) != null) {
                problems.add("point " + r.cell(0) + " has a second row at line " + r.line());
            }
            if (!TEST_NAME.matcher(r.cell(2)).find()) {
                problems.add("point " + r.cell(0) + " (line " + r.line() + ") names no test");
            }
        }
        for (int i = 1; i <= 11; i++) {
            if (!seen.containsKey(String.valueOf(i))) {
                problems.add("point " + i + " has no row");
            }
        }
        assertThat(String.join("\n", problems), problems, is(empty()));
    }

    @Test
    void everyTestNamedIsATestMethodInTheTestSources() {
        Map<String, List<String>> sources = testSources();
        List<String> problems = new ArrayList<>();
        List<String> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TEST_NAME.matcher(lines.get(i));
            while (m.find()) {
                String type = m.group(1);
                String method = m.group(2);
                List<String> files = sources.getOrDefault(type, List.of());
                if (files.isEmpty()) {
                    problems.add("line " + (i + 1) + ": no test class " + type + " (no " + type + ".java under the test sources)");
                } else if (files.stream().noneMatch(s -> declaresTest(s, method))) {
                    problems.add("line " + (i + 1) + ": " + type + " has no test method " + method);
                }
            }
        }
        assertThat(String.join("\n", problems), problems, is(empty()));
    }

    @Test
    void aMethodCountsOnlyWhenItIsATest() {
        String source = """
                class ExampleTest {
                    @Test
                    void aTest() {
                    }

                    @ParameterizedTest(name = "{0}")
                    @CsvSource({
                            "a, 1",
                            "b, 2"})
                    void aParameterizedTest(String s, int i) {
                    }

                    private static void helper() {
                    }
                }
                """;
        assertThat(declaresTest(source, "aTest"), is(true));
        assertThat(declaresTest(source, "aParameterizedTest"), is(true));
        assertThat(declaresTest(source, "helper"), is(false));
        assertThat(declaresTest(source, "missing"), is(false));
    }
}
