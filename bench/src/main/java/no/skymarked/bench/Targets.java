package no.skymarked.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The targets, checked against every run they apply to: met or missed, with the figure. */
final class Targets {
    private Targets() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> evaluate(List<Map<String, Object>> runs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : runs) {
            if (!r.containsKey("ratioToTrivial")) {
                continue;
            }
            String db = (String) r.get("db");
            int services = (int) r.get("services");
            String where = db + " " + services;
            Map<String, Object> ratios = (Map<String, Object>) r.get("ratioToTrivial");
            Map<String, Object> results = (Map<String, Object>) r.get("results");
            double search = (double) ratios.get("search");
            double p99 = (double) ((Map<String, Object>) results.get("searchAtHalfRate")).get("p99Ms");
            // The issue states the search targets for H2 at 100k; the other runs are reported against them too.
            boolean official = db.equals("h2") && services == 100_000;
            out.add(target(where, "search with facets >= 0.05 of trivial" + (official ? "" : " (stated for H2 100k)"),
                    search, search >= 0.05));
            out.add(target(where, "search p99 at half its max rate <= 50 ms" + (official ? "" : " (stated for H2 100k)"),
                    p99, p99 <= 50));
            double byId = (double) ratios.get("getById");
            out.add(target(where, "get-by-id >= 0.3 of trivial", byId, byId >= 0.3));
            double create = (double) ratios.get("callOffCreate");
            out.add(target(where, "call-off creation >= 0.03 of trivial", create, create >= 0.03));
            Map<String, Object> toCommit = (Map<String, Object>) r.get("ratioToCommitLimit");
            if (toCommit != null) {
                // Stated for PostgreSQL; H2 is reported against it too, as the search targets are for other runs.
                double ofLimit = (double) toCommit.get("callOffCreate");
                out.add(target(where, "call-off creation >= 0.5 of the commit limit" + (db.equals("postgresql") ? "" : " (stated for PostgreSQL)"),
                        ofLimit, ofLimit >= 0.5));
            }
            double startup = (double) r.get("startupSeconds");
            out.add(target(where, "startup <= 3 s" + (services == 10_000 ? "" : " (stated for 10k)"), startup, startup <= 3));
        }
        return out;
    }

    private static Map<String, Object> target(String run, String what, double value, boolean met) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", run);
        m.put("target", what);
        m.put("value", value);
        m.put("met", met);
        return m;
    }
}
