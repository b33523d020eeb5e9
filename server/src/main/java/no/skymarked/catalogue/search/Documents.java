package no.skymarked.catalogue.search;

import java.util.HashMap;
import java.util.Map;

/**
 * The services' documents (JSON) of one index snapshot, by id, served as they are. A refresh makes the next snapshot's
 * from this one and the changed services without copying the catalogue each time: the changes since the last full
 * copy are kept (and copied) beside it, and folded into a new full copy once there are more of them than the square
 * root of the catalogue's size (at least 64). At 100 000 services a refresh so copies at most about 320 entries,
 * and one in about 320 single edits copies them all. Immutable once made; a snapshot still in use by a search keeps
 * its own.
 */
final class Documents {
    private final Map<String, String> base;
    private final Map<String, String> changed;
    private final long chars;

    private Documents(Map<String, String> base, Map<String, String> changed, long chars) {
        this.base = base;
        this.changed = changed;
        this.chars = chars;
    }

    static Documents empty() {
        return new Documents(Map.of(), Map.of(), 0);
    }

    /**
     * This snapshot's documents with {@code updates} (id → document) replacing or adding to them; the map is taken
     * as it is when this snapshot has none (the first build), so the caller must not change it afterwards.
     */
    Documents with(Map<String, String> updates) {
        if (updates.isEmpty()) {
            return this;
        }
        if (base.isEmpty() && changed.isEmpty()) {
            long total = 0;
            for (String doc : updates.values()) {
                total += doc.length();
            }
            return new Documents(updates, Map.of(), total);
        }
        long total = chars;
        for (Map.Entry<String, String> e : updates.entrySet()) {
            String before = get(e.getKey());
            total += e.getValue().length() - (before == null ? 0 : before.length());
        }
        if (changed.size() + updates.size() > Math.max(64, (int) Math.sqrt(base.size()))) {
            Map<String, String> all = new HashMap<>(base);
            all.putAll(changed);
            all.putAll(updates);
            return new Documents(all, Map.of(), total);
        }
        Map<String, String> more = new HashMap<>(changed);
        more.putAll(updates);
        return new Documents(base, more, total);
    }

    String get(String id) {
        String doc = changed.get(id);
        return doc != null ? doc : base.get(id);
    }

    /** How many services have a document. */
    int size() {
        int added = 0;
        for (String id : changed.keySet()) {
            if (!base.containsKey(id)) {
                added++;
            }
        }
        return base.size() + added;
    }

    /** The characters of every document, for the heap estimate. */
    long chars() {
        return chars;
    }
}
