package no.skymarked.ocds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled release of a record: its releases merged oldest first by the OCDS merge rules. Objects merge field
 * by field, a newer value replacing an older one; arrays of objects that all have an {@code id} merge by id; other
 * arrays are replaced whole. The tag becomes {@code compiled}.
 */
public final class Compiling {
    private Compiling() {
    }

    public static Map<String, Object> compile(String ocid, List<Map<String, Object>> releases) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, Object> r : releases) {
            merge(out, r);
        }
        out.put("id", ocid + "-compiled");
        out.put("tag", List.of("compiled"));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        for (Map.Entry<String, Object> e : from.entrySet()) {
            Object old = into.get(e.getKey());
            Object value = e.getValue();
            if (old instanceof Map<?, ?> oldMap && value instanceof Map<?, ?> newMap) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) oldMap);
                merge(copy, (Map<String, Object>) newMap);
                into.put(e.getKey(), copy);
            } else if (old instanceof List<?> oldList && value instanceof List<?> newList && identified(oldList) && identified(newList)) {
                into.put(e.getKey(), mergeById((List<Map<String, Object>>) oldList, (List<Map<String, Object>>) newList));
            } else {
                into.put(e.getKey(), copy(value));
            }
        }
    }

    private static List<Map<String, Object>> mergeById(List<Map<String, Object>> old, List<Map<String, Object>> newer) {
        Map<Object, Map<String, Object>> byId = new LinkedHashMap<>();
        old.forEach(o -> byId.put(o.get("id"), new LinkedHashMap<>(o)));
        for (Map<String, Object> n : newer) {
            Map<String, Object> target = byId.computeIfAbsent(n.get("id"), k -> new LinkedHashMap<>());
            merge(target, n);
        }
        return new ArrayList<>(byId.values());
    }

    private static boolean identified(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(o -> o instanceof Map<?, ?> m && m.get("id") != null);
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            merge(out, (Map<String, Object>) m);
            return out;
        }
        return value;
    }
}
