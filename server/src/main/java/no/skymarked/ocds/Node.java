package no.skymarked.ocds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON objects and arrays as ordered maps and lists, leaving out what is absent: null, empty text, empty arrays and
 * empty objects (OCDS asks publishers not to publish empty fields).
 */
public final class Node {
    private Node() {
    }

    /** An object of the names and values given in pairs; absent values are left out. */
    public static Map<String, Object> obj(Object... namesAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (present(value)) {
                out.put((String) namesAndValues[i], value);
            }
        }
        return out;
    }

    /** An array of the present values. */
    public static List<Object> list(Object... values) {
        return list(java.util.Arrays.asList(values));
    }

    public static List<Object> list(Collection<?> values) {
        List<Object> out = new ArrayList<>();
        for (Object v : values) {
            if (present(v)) {
                out.add(v);
            }
        }
        return out;
    }

    static boolean present(Object value) {
        return value != null && !(value instanceof String s && s.isBlank()) && !(value instanceof Collection<?> c && c.isEmpty())
                && !(value instanceof Map<?, ?> m && m.isEmpty());
    }
}
