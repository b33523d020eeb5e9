package no.skymarked.bench;

import java.util.List;
import java.util.Map;

/** The report as text tables: one row per run and scenario (the commit limit among them), then startup and memory, then the targets. */
final class Table {
    private Table() {
    }

    private static String ratio(Object ratio) {
        return ratio == null ? "-" : String.format("%.6f", (double) ratio);
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> report) {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) report.get("machine");
        sb.append(String.format("machine: %s cores, %s GiB, %s; %s; load average at start %s%n", machine.get("cores"),
                machine.get("memoryGiB"), machine.get("os"), machine.get("java"), machine.get("loadAverageAtStart")));
        // req/s for the HTTP phases, tx/s for the commit limit; the ratios are throughput over the mean of the two
        // trivial phases, and (call-off creation only) over the commit limit of the same database.
        sb.append(String.format("%n| %-10s | %-8s | %-16s | %-10s | %10s | %9s | %9s | %9s | %9s | %7s | %6s |%n", "db", "services",
                "scenario", "mode", "req|tx/s", "p50 ms", "p99 ms", "÷ trivial", "÷ commit", "n", "errors"));
        sb.append("|------------|----------|------------------|------------|------------|-----------|-----------|-----------|-----------|---------|--------|\n");
        for (Map<String, Object> r : (List<Map<String, Object>>) report.get("runs")) {
            Map<String, Object> ratios = (Map<String, Object>) r.get("ratioToTrivial");
            Map<String, Object> toCommit = (Map<String, Object>) r.getOrDefault("ratioToCommitLimit", Map.of());
            Map<String, Object> results = (Map<String, Object>) r.get("results");
            if (results == null) {
                continue;
            }
            for (Map.Entry<String, Object> e : results.entrySet()) {
                Map<String, Object> x = (Map<String, Object>) e.getValue();
                String mode = x.get("mode").equals("open") ? "open @" + Math.round((double) x.get("targetRate"))
                        : (String) x.get("mode");
                sb.append(String.format("| %-10s | %8s | %-16s | %-10s | %10.1f | %9.2f | %9.2f | %9s | %9s | %7s | %6s |%n", r.get("db"),
                        r.get("services"), e.getKey(), mode, (double) x.get("requestsPerSecond"), (double) x.get("p50Ms"),
                        (double) x.get("p99Ms"), ratio(ratios.get(e.getKey())), ratio(toCommit.get(e.getKey())), x.get("requests"),
                        x.get("errors")));
            }
        }
        sb.append(String.format("%n| %-10s | %-8s | %10s | %10s | %14s | %14s | %15s | %15s | %12s | %12s | %12s | %-15s |%n", "db", "services",
                "import s", "startup s", "index build s", "index heap MiB", "search ms", "after edit ms", "RSS start MiB", "RSS load MiB",
                "peak RSS MiB", "load avg before"));
        sb.append("|------------|----------|------------|------------|----------------|----------------|-----------------|-----------------|---------------|--------------|--------------|-----------------|\n");
        for (Map<String, Object> r : (List<Map<String, Object>>) report.get("runs")) {
            Map<String, Object> index = (Map<String, Object>) r.getOrDefault("searchIndex", Map.of());
            Map<String, Object> edit = (Map<String, Object>) r.getOrDefault("searchAfterEdit", Map.of());
            sb.append(String.format("| %-10s | %8s | %10s | %10s | %14s | %14s | %15s | %15s | %13s | %12s | %12s | %-15s |%n", r.get("db"), r.get("services"),
                    r.get("importSeconds"), r.get("startupSeconds"), index.getOrDefault("buildSeconds", "-"), index.getOrDefault("heapMiB", "-"),
                    edit.isEmpty() ? "-" : edit.get("searchMedianMs") + " / " + edit.get("searchMaxMs"),
                    edit.isEmpty() ? "-" : edit.get("searchAfterEditMedianMs") + " / " + edit.get("searchAfterEditMaxMs"),
                    r.get("rssAfterStartMiB"), r.get("rssAfterLoadMiB"), r.get("peakRssMiB"), r.get("loadAverageBefore")));
        }
        sb.append("\ntargets:\n");
        for (Map<String, Object> t : (List<Map<String, Object>>) report.get("targets")) {
            sb.append(String.format("  %-6s %-16s %-68s %s%n", (boolean) t.get("met") ? "MET" : "MISSED", t.get("run"),
                    t.get("target"), t.get("value")));
        }
        return sb.toString();
    }
}
