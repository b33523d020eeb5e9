package no.skymarked.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The SQL condition and ranking expression of a search, with their parameters in order. */
record Where(String sql, List<Object> params, String score, List<Object> scoreParams) {

    static Where of(SearchQuery q) {
        StringBuilder sql = new StringBuilder("s.status in (" + marks(q.statuses().size()) + ")");
        List<Object> params = new ArrayList<>(q.statuses());
        in(sql, params, "s.category", q.categories());
        in(sql, params, "s.supplier_org_no", q.suppliers());
        exists(sql, params, "service_storage_country", "country", q.dataLocations());
        exists(sql, params, "service_certification", "certification", q.certifications());
        exists(sql, params, "service_framework", "framework_id", q.frameworks());
        StringBuilder score = new StringBuilder("0");
        List<Object> scoreParams = new ArrayList<>();
        for (String term : q.terms()) {
            String like = "%" + escape(term) + "%";
            sql.append(" and s.search_text like ? escape '\\'");
            params.add(like);
            // A word in the name weighs more than one only in the description or supplier name.
            score.append(" + case when s.name_text like ? escape '\\' then 2 else 1 end");
            scoreParams.add(like);
        }
        return new Where(sql.toString(), params, score.toString(), scoreParams);
    }

    private static void in(StringBuilder sql, List<Object> params, String column, List<String> values) {
        if (!values.isEmpty()) {
            sql.append(" and ").append(column).append(" in (").append(marks(values.size())).append(')');
            params.addAll(values);
        }
    }

    private static void exists(StringBuilder sql, List<Object> params, String table, String column, List<String> values) {
        if (!values.isEmpty()) {
            sql.append(" and exists (select 1 from ").append(table).append(" e where e.service_id = s.id and e.")
                    .append(column).append(" in (").append(marks(values.size())).append("))");
            params.addAll(values);
        }
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    static String escape(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
