package no.skymarked.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/dev bench [--sizes 10000,100000] [--db h2,postgresql] …}: for each database and catalogue size,
 * imports a generated catalogue into a fresh database, starts the packaged server as a child process, and
 * measures a trivial endpoint (the ceiling of this machine and harness), get-by-id, search with q and facets, and
 * call-off creation, each as a ratio to the trivial endpoint of the same run; then, with the server stopped, the
 * commit limit of the same database (one-row insert-and-commit transactions over JDBC), which call-off creation is
 * also compared with; plus startup time and RSS.
 * Writes a JSON report and prints a table. Any error in a measured phase fails the run.
 */
public final class Bench {
    private static final String FRAMEWORK = "oslo-digitale-tjenester-2";
    private static final String[] LOTS = {"utviklingsmetodikk", "programmering", "skyteknologier", "arkitektur-og-sikkerhet"};
    private static final String BUYER = "991825827";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, String> options = new HashMap<>();

    {
        options.put("sizes", "10000,100000");
        options.put("db", "h2,postgresql");
        options.put("connections", "16");
        options.put("buyers", "100");
        options.put("warmup", "5");
        options.put("duration", "10");
        options.put("work", "bench/target");
        options.put("server-jar", "server/target/skymarked-server.jar");
        options.put("catalogue", "catalog-data");
        options.put("pg-url", "jdbc:postgresql://127.0.0.1:5432");
        options.put("pg-user", "postgres");
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("usage: bin/dev bench [--sizes 10000,100000] [--db h2,postgresql] [--connections 16] [--buyers 100]"
                        + " [--warmup 5] [--duration 10] [--work bench/target] [--pg-url jdbc:postgresql://127.0.0.1:5432]"
                        + " [--pg-user postgres] [--pg-password …]");
                System.exit(2);
            }
            bench.options.put(args[i].substring(2), args[++i]);
        }
        System.exit(bench.run(String.join(" ", args)));
    }

    private String opt(String name) {
        return options.getOrDefault(name, "");
    }

    private int run(String arguments) throws Exception {
        Path work = Path.of(opt("work")).toAbsolutePath();
        Path serverJar = Path.of(opt("server-jar")).toAbsolutePath();
        if (!Files.exists(serverJar)) {
            System.err.println("no server jar at " + serverJar + "; build it first (bin/dev bench does)");
            return 2;
        }
        Files.createDirectories(work);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("startedAt", Instant.now().toString());
        report.put("arguments", arguments);
        report.put("machine", machine());
        report.put("settings", Map.of("connections", Integer.parseInt(opt("connections")), "buyers", Integer.parseInt(opt("buyers")),
                "warmupSeconds", Double.parseDouble(opt("warmup")), "measuredSeconds", Double.parseDouble(opt("duration"))));
        List<Map<String, Object>> runs = new ArrayList<>();
        report.put("runs", runs);
        Path out = work.resolve("bench-report.json");
        boolean errors = false;
        for (String sizeText : opt("sizes").split(",")) {
            int size = Integer.parseInt(sizeText.trim());
            log("generating a catalogue of " + size + " services …");
            Path catalogue = CatalogueGenerator.generate(work, Path.of(opt("catalogue")).toAbsolutePath(), size,
                    buyers(Integer.parseInt(opt("buyers"))));
            for (String db : opt("db").split(",")) {
                Map<String, Object> r;
                try {
                    r = runOne(db.trim(), size, catalogue, serverJar, work);
                } catch (IllegalStateException e) {
                    log("RUN FAILED: " + db.trim() + " " + size + ": " + e.getMessage());
                    r = new LinkedHashMap<>(Map.of("db", db.trim(), "services", size, "failure", e.getMessage(), "errors", true));
                }
                runs.add(r);
                errors |= (boolean) r.get("errors");
                report.put("targets", Targets.evaluate(runs));
                Files.writeString(out, JSON.writeValueAsString(report));
            }
        }
        report.put("finishedAt", Instant.now().toString());
        report.put("targets", Targets.evaluate(runs));
        Files.writeString(out, JSON.writeValueAsString(report));
        System.out.println();
        System.out.println(Table.render(report));
        System.out.println("JSON report: " + out);
        if (errors) {
            System.out.println("ERRORS occurred during measured runs: the figures above are not valid.");
            return 1;
        }
        return 0;
    }

    private Map<String, Object> runOne(String db, int size, Path catalogue, Path serverJar, Path work) throws Exception {
        Path runDir = work.resolve("runs/" + db + "-" + size);
        CatalogueGenerator.deleteTree(runDir);
        Files.createDirectories(runDir);
        Path log = runDir.resolve("server.log");
        Map<String, String> env = new HashMap<>();
        env.put("SKYMARKED_DATA_DIR", runDir.resolve("data").toString());
        env.put("SKYMARKED_CATALOGUE_DEMO_ENABLED", "false");
        // one log line per request would measure the console, not the server
        env.put("SKYMARKED_ACCESS_LOG_ENABLED", "false");
        String pgDatabase = null;
        switch (db) {
            case "h2" -> env.put("DB_URL", "");
            case "postgresql" -> {
                pgDatabase = "skymarked_bench_" + size + "_" + ProcessHandle.current().pid();
                pg("create database " + pgDatabase);
                env.put("DB_URL", opt("pg-url") + "/" + pgDatabase);
                env.put("DB_USERNAME", opt("pg-user"));
                env.put("DB_PASSWORD", opt("pg-password"));
            }
            default -> throw new IllegalArgumentException("--db takes h2 and/or postgresql, not " + db);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("db", db);
        r.put("services", size);
        try {
            log(db + " " + size + ": importing the catalogue (catalogue import, before the server starts) …");
            long t0 = System.nanoTime();
            ServerProcess.command(serverJar, env, log, "catalogue", "import", catalogue.toString());
            r.put("importSeconds", Load.round((System.nanoTime() - t0) / 1e9, 2));
            r.put("loadAverageBefore", loadAverage());
            log(db + " " + size + ": starting the server (catalogue already in the database) …");
            Map<String, Load.Result> results;
            try (ServerProcess server = ServerProcess.start(serverJar, env, log)) {
                r.put("startupSeconds", Load.round(server.startupSeconds, 3));
                r.put("serverReportedStartupMs", server.reportedStartupMillis());
                r.put("rssAfterStartMiB", Load.round(server.memoryMiB("VmRSS"), 1));
                r.put("searchIndex", searchIndex(server, size));
                DevTokens tokens = new DevTokens(runDir.resolve("data"));
                results = measure(server, tokens, size);
                r.put("searchUncachedCacheHitRatio", searchUncachedHitRatio);
                r.put("searchAfterEdit", searchAfterEdit(server, tokens, size));
                r.put("rssAfterLoadMiB", Load.round(server.memoryMiB("VmRSS"), 1));
                r.put("peakRssMiB", Load.round(server.memoryMiB("VmHWM"), 1));
                r.put("loadAverageAfter", loadAverage());
            }
            // After the server has stopped: embedded H2 admits one process at a time, and on PostgreSQL the server
            // then takes no CPU from the measurement either.
            String url = pgDatabase == null ? h2Url(runDir.resolve("data")) : opt("pg-url") + "/" + pgDatabase;
            String user = pgDatabase == null ? "" : opt("pg-user");
            String password = pgDatabase == null ? "" : opt("pg-password");
            log(db + " " + size + ": commit limit (server stopped; plain JDBC on " + url + ") …");
            CommitLimit.Outcome commitLimit;
            try {
                commitLimit = CommitLimit.measure(url, user, password, Integer.parseInt(opt("connections")),
                        Double.parseDouble(opt("warmup")), Double.parseDouble(opt("duration")));
            } catch (SQLException e) {
                throw new IllegalStateException("commit limit on " + url + ": " + e, e);
            }
            results.put("commitLimit", step(null, commitLimit.result()));
            r.put("commitLimit", commitLimit.details());
            Map<String, Object> res = new LinkedHashMap<>();
            double ceiling = (results.get("trivial").requestsPerSecond() + results.get("trivialAtEnd").requestsPerSecond()) / 2;
            r.put("ceilingRequestsPerSecond", Load.round(ceiling, 1));
            Map<String, Object> ratios = new LinkedHashMap<>();
            long errorCount = 0;
            for (Map.Entry<String, Load.Result> e : results.entrySet()) {
                res.put(e.getKey(), e.getValue().json());
                errorCount += e.getValue().errors();
                if (e.getValue().mode().equals("closed")) {
                    ratios.put(e.getKey(), Load.round(e.getValue().requestsPerSecond() / ceiling, 6));
                }
            }
            r.put("results", res);
            r.put("ratioToTrivial", ratios);
            r.put("ratioToCommitLimit", Map.of("callOffCreate",
                    Load.round(results.get("callOffCreate").requestsPerSecond() / commitLimit.result().requestsPerSecond(), 6)));
            r.put("errors", errorCount > 0);
        } finally {
            if (pgDatabase != null) {
                pg("drop database if exists " + pgDatabase + " with (force)");
            }
        }
        return r;
    }

    private Map<String, Load.Result> measure(ServerProcess server, DevTokens tokens, int size) throws Exception {
        int port = server.port;
        int connections = Integer.parseInt(opt("connections"));
        double warmup = Double.parseDouble(opt("warmup"));
        double duration = Double.parseDouble(opt("duration"));
        Load load = new Load("127.0.0.1", port);
        String runId = Long.toString(System.currentTimeMillis(), 36);
        List<String> buyerTokens = new ArrayList<>();
        for (String orgNo : buyers(Integer.parseInt(opt("buyers")))) {
            buyerTokens.add(tokens.issue(orgNo, "skymarked:buyer", 4 * 3600));
        }
        try (HttpConnection c = new HttpConnection("127.0.0.1", port)) {
            for (String buyerToken : buyerTokens) {
                var accession = c.exchange(HttpConnection.post("/v1/frameworks/" + FRAMEWORK + "/accessions", "{}",
                        "Authorization", "Bearer " + buyerToken), true);
                if (accession.status() != 201 && accession.status() != 200) {
                    throw new IllegalStateException("accession failed: " + accession.status() + " " + accession.text());
                }
            }
            // One call-off per lot before measuring, so a body the server refuses stops the run here.
            for (String lot : LOTS) {
                var created = c.exchange(callOff(buyerTokens.get(0), lot, runId + "-check-" + lot), true);
                if (created.status() != 201) {
                    throw new IllegalStateException("call-off check failed on lot " + lot + ": " + created.status() + " " + created.text());
                }
            }
            var one = c.exchange(HttpConnection.get("/v1/services/" + CatalogueGenerator.serviceId(size - 1)), false);
            if (one.status() != 200) {
                throw new IllegalStateException("generated service " + CatalogueGenerator.serviceId(size - 1) + " not found: " + one.status());
            }
        }
        String[] words = CatalogueGenerator.WORDS;
        String[] categories = CatalogueGenerator.CATEGORIES;
        var trivial = new Load.Scenario("trivial", n -> HttpConnection.get("/health/live"), 200);
        List<byte[]> byId = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            byId.add(HttpConnection.get("/v1/services/" + CatalogueGenerator.serviceId(Load.random(size))));
        }
        var getById = new Load.Scenario("getById", n -> byId.get((int) (n & 4095)), 200);
        List<byte[]> searches = new ArrayList<>();
        for (String w : words) {
            for (String cat : categories) {
                searches.add(HttpConnection.get("/v1/services?q=" + w + "&category=" + cat));
            }
        }
        var search = new Load.Scenario("search", n -> searches.get((int) (n % searches.size())), 200);
        // The same searches with page sizes of 11..30 (20 on average, as above): 4 800 different requests in a random
        // order, more than the server keeps answers of, so most are searched, counted and serialised afresh; the share
        // the cache still answered is reported (from /health/ready's counters).
        List<byte[]> uncached = new ArrayList<>();
        for (int limit = 11; limit <= 30; limit++) {
            for (String w : words) {
                for (String cat : categories) {
                    uncached.add(HttpConnection.get("/v1/services?q=" + w + "&category=" + cat + "&limit=" + limit));
                }
            }
        }
        java.util.Collections.shuffle(uncached, new java.util.Random(size));
        var searchUncached = new Load.Scenario("searchUncached", n -> uncached.get((int) (n % uncached.size())), 200);
        // Call-offs spread over the agencies, then the lots, each for a need of its own: one agency calling off
        // thousands of times for one need would be a splitting case, not a workload (see --buyers).
        int b = buyerTokens.size();
        var create = new Load.Scenario("callOffCreate", n -> callOff(buyerTokens.get((int) (n % b)),
                LOTS[(int) ((n / b) % LOTS.length)], runId + "-" + n), 201);

        Map<String, Load.Result> results = new LinkedHashMap<>();
        // A fresh JVM keeps getting faster for a while: the first warm-up is three times as long.
        results.put("trivial", step(server, load.closed(trivial, connections, 3 * warmup, duration)));
        results.put("getById", step(server, load.closed(getById, connections, warmup, duration)));
        Load.Result searchMax = step(server, load.closed(search, connections, warmup, duration));
        results.put("search", searchMax);
        double half = searchMax.requestsPerSecond() / 2;
        // Long enough for at least 400 samples at slow rates, so p99 is not just the maximum.
        double openSeconds = Math.min(120, Math.max(duration, 400 / half));
        // The first open loop of the run: both JVMs take a while to settle into it (64 connections, requests timed from
        // when they are due), so, as the first closed phase, it warms up three times as long.
        results.put("searchAtHalfRate", step(server, load.open(search, half, Math.max(64, connections), 3 * warmup, openSeconds)));
        // The same open loop on the trivial endpoint at the same rate: the tail this machine, JVM and harness add on
        // their own (two cores shared by server, load generator and database), to read the search's p99 against.
        results.put("trivialAtSameRate", step(server, load.open(trivial, half, Math.max(64, connections), Math.min(warmup, openSeconds / 2), openSeconds)));
        long[] before = answerCache(port);
        results.put("searchUncached", step(server, load.closed(searchUncached, connections, warmup, duration)));
        long[] after = answerCache(port);
        long answered = after[0] - before[0] + after[1] - before[1];
        searchUncachedHitRatio = answered == 0 ? 0 : Load.round((after[0] - before[0]) / (double) answered, 3);
        log("  searchUncached: " + searchUncachedHitRatio + " of its answers (warm-up included) came from the answer cache");
        results.put("callOffCreate", step(server, load.closed(create, connections, warmup, duration)));
        // The ceiling again at the end: on a shared two-core machine it drifts, and the ratios use the mean of both.
        results.put("trivialAtEnd", step(server, load.closed(trivial, connections, warmup, duration)));
        return results;
    }

    private double searchUncachedHitRatio;

    /** The answer cache's hits and misses so far, from {@code /health/ready}. */
    private static long[] answerCache(int port) throws Exception {
        try (HttpConnection c = new HttpConnection("127.0.0.1", port)) {
            Map<?, ?> body = JSON.readValue(c.exchange(HttpConnection.get("/health/ready"), true).text(), Map.class);
            for (Object check : (List<?>) body.get("checks")) {
                Map<?, ?> m = (Map<?, ?>) check;
                if ("search-index".equals(m.get("name"))) {
                    Map<?, ?> data = (Map<?, ?>) m.get("data");
                    return new long[] {((Number) data.get("answerCacheHits")).longValue(), ((Number) data.get("answerCacheMisses")).longValue()};
                }
            }
        }
        throw new IllegalStateException("/health/ready has no search-index check");
    }

    /**
     * Waits until the server's search index holds the catalogue (it is built in the background at start) and returns
     * its figures from {@code /health/ready}: the build's duration, services and heap.
     */
    private static Map<String, Object> searchIndex(ServerProcess server, int size) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        try (HttpConnection c = new HttpConnection("127.0.0.1", server.port)) {
            while (System.nanoTime() < deadline) {
                var ready = c.exchange(HttpConnection.get("/health/ready"), true);
                Map<?, ?> body = JSON.readValue(ready.text(), Map.class);
                for (Object check : (List<?>) body.get("checks")) {
                    Map<?, ?> m = (Map<?, ?>) check;
                    if ("search-index".equals(m.get("name")) && "UP".equals(m.get("status"))) {
                        Map<?, ?> data = (Map<?, ?>) m.get("data");
                        if (((Number) data.get("services")).intValue() >= size) {
                            Map<String, Object> out = new LinkedHashMap<>();
                            out.put("services", data.get("services"));
                            out.put("buildSeconds", Load.round(((Number) data.get("lastBuildMillis")).doubleValue() / 1000, 3));
                            out.put("heapMiB", Load.round(((Number) data.get("heapBytes")).doubleValue() / 1024 / 1024, 1));
                            log(String.format("  search index: %s services built in %.3f s, %.1f MiB", out.get("services"),
                                    out.get("buildSeconds"), out.get("heapMiB")));
                            return out;
                        }
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the search index was not built within 300 s");
    }

    /** Edits made one at a time by {@link #searchAfterEdit}. */
    private static final int EDITS = 21;

    /**
     * Catalogue edits, one at a time, each followed by one search: the first search after an edit brings the server's
     * index up to date (the changed service, a new reader, the facets' state, the names' order), so its latency is what
     * a refresh costs a buyer. Before each edit the same kind of search, computed afresh without a refresh, is timed
     * too, to read it against; and the refresh as the server timed it (/health/ready). Medians and maxima, in ms.
     */
    private static Map<String, Object> searchAfterEdit(ServerProcess server, DevTokens tokens, int size) throws Exception {
        String editor = tokens.issue(BUYER, "skymarked:editor", 3600);
        String[] words = CatalogueGenerator.WORDS;
        List<Double> plain = new ArrayList<>();
        List<Double> afterEdit = new ArrayList<>();
        List<Double> refresh = new ArrayList<>();
        try (HttpConnection c = new HttpConnection("127.0.0.1", server.port)) {
            for (int k = 0; k < EDITS; k++) {
                // a limit no other phase asked for, so the first is not answered from the cache; the second is the
                // same request, and the edit has made the cache's answers stale
                String search = "/v1/services?q=" + words[k % words.length] + "&category=" + CatalogueGenerator.CATEGORIES[k % 4]
                        + "&limit=" + (40 + k);
                plain.add(timed(c, search));
                String id = CatalogueGenerator.serviceId((int) ((k * 7919L) % size));
                var read = c.exchange(HttpConnection.get("/v1/services/" + id), true);
                com.fasterxml.jackson.databind.node.ObjectNode service = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(read.body());
                service.withArray("keywords").add("benchedit" + k);
                var edited = c.exchange(HttpConnection.put("/v1/services/" + id, JSON.writeValueAsString(service),
                        "Authorization", "Bearer " + editor, "If-Match", read.etag()), true);
                if (edited.status() != 200) {
                    throw new IllegalStateException("editing " + id + " failed: " + edited.status() + " " + edited.text());
                }
                afterEdit.add(timed(c, search));
                Map<?, ?> ready = JSON.readValue(c.exchange(HttpConnection.get("/health/ready"), true).text(), Map.class);
                for (Object check : (List<?>) ready.get("checks")) {
                    if ("search-index".equals(((Map<?, ?>) check).get("name"))) {
                        refresh.add(((Number) ((Map<?, ?>) ((Map<?, ?>) check).get("data")).get("lastBuildMillis")).doubleValue());
                    }
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("edits", EDITS);
        out.put("searchMedianMs", median(plain));
        out.put("searchMaxMs", Load.round(java.util.Collections.max(plain), 2));
        out.put("searchAfterEditMedianMs", median(afterEdit));
        out.put("searchAfterEditMaxMs", Load.round(java.util.Collections.max(afterEdit), 2));
        out.put("refreshMedianMs", median(refresh));
        out.put("refreshMaxMs", Load.round(java.util.Collections.max(refresh), 2));
        log(String.format("  searchAfterEdit: %d edits; the first search after each %.2f ms median (max %.2f), the same search"
                        + " with no edit before it %.2f ms (max %.2f); the refresh as the server timed it %.0f ms (max %.0f)", EDITS,
                out.get("searchAfterEditMedianMs"), out.get("searchAfterEditMaxMs"), out.get("searchMedianMs"), out.get("searchMaxMs"),
                out.get("refreshMedianMs"), out.get("refreshMaxMs")));
        return out;
    }

    private static double timed(HttpConnection c, String path) throws Exception {
        long t0 = System.nanoTime();
        var r = c.exchange(HttpConnection.get(path), false);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.status() != 200) {
            throw new IllegalStateException(path + " answered " + r.status());
        }
        return ms;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return Load.round(sorted.get(sorted.size() / 2), 2);
    }

    /** Logs a measured phase; with a server, fails the run when the server has ended meanwhile. */
    private static Load.Result step(ServerProcess server, Load.Result r) {
        log(String.format("  %-17s %-6s %9.1f %s/s  p50 %8.2f ms  p99 %8.2f ms  (%d %s, %d errors%s)", r.scenario(), r.mode(),
                r.requestsPerSecond(), server == null ? " tx" : "req", r.p50Ms(), r.p99Ms(), r.requests(),
                server == null ? "transactions" : "requests", r.errors(),
                r.errorSamples().isEmpty() ? "" : ", e.g. " + r.errorSamples()));
        if (server != null && !server.alive()) {
            throw new IllegalStateException("the server process ended during " + r.scenario() + " (" + server.exitDescription()
                    + "); nothing measured after that is valid");
        }
        return r;
    }

    /**
     * A call-off for a need of its own: the need description is words made from the key, so the splitting check (which
     * adds up an agency's direct call-offs whose titles and need descriptions share at least half their words) sees
     * separate needs, as a workload has, and the same key still gives the same body.
     */
    private static byte[] callOff(String token, String lot, String key) {
        String words = java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().replace('-', ' ');
        String body = "{\"frameworkId\": \"" + FRAMEWORK + "\", \"lotId\": \"" + lot + "\", \"title\": \"Ytelsesmåling " + key
                + "\", \"needDescription\": \"Generert avrop " + words + "\","
                + " \"estimatedHours\": [{\"roleId\": \"DEVELOPER\", \"hours\": \"1\"}]}";
        return HttpConnection.post("/v1/call-offs", body, "Authorization", "Bearer " + token, "Idempotency-Key", "bench-" + key);
    }

    /** {@code n} agencies' organisation numbers (valid mod 11), the README's demo agency first. */
    static List<String> buyers(int n) {
        List<String> out = new ArrayList<>(List.of(BUYER));
        for (int prefix = 97_000_000; out.size() < n; prefix += 13) {
            int check = CatalogueGenerator.checkDigit(prefix);
            if (check >= 0) {
                out.add(prefix + "" + check);
            }
        }
        return out;
    }

    /**
     * The server's embedded H2 file database in {@code dataDir}, opened with the URL options the server uses
     * (server/src/main/java/no/skymarked/shared/Database.java: H2_FILE_OPTIONS and the default db.h2.cache.mb).
     */
    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("skymarked")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;WRITE_DELAY=0;CACHE_SIZE=" + 256 * 1024;
    }

    private void pg(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(opt("pg-url") + "/postgres", opt("pg-user"), opt("pg-password"));
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<Double> loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return Arrays.stream(parts, 0, 3).map(Double::parseDouble).toList();
    }

    private static Map<String, Object> machine() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                m.put("memoryGiB", Load.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0, 1));
            }
        }
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("loadAverageAtStart", loadAverage());
        return m;
    }

    static void log(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
