package no.skymarked.calloff.application;

import java.util.LinkedHashMap;
import java.util.Map;

/** A protocol payload in the order its members are given; null values are left out. */
public final class Payload {
    private Payload() {
    }

    public static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                out.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return out;
    }
}
