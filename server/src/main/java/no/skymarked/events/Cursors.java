package no.skymarked.events;

import no.skymarked.shared.ProblemException;

/** The feed's cursor: the id of the last event seen ({@code 0}, or none, for the beginning). */
final class Cursors {
    private Cursors() {
    }

    /** The position named by {@code raw} given as query parameter {@code name}; a 400 naming it when it is not one. */
    static long after(String raw, String name) {
        if (raw == null) {
            return 0;
        }
        try {
            long position = Long.parseLong(raw);
            if (position < 0) {
                throw ProblemException.badParameter(name, "must be an event id from the feed (0 or more)");
            }
            return position;
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(name, "'" + (raw.length() > 20 ? raw.substring(0, 20) + "…" : raw)
                    + "' is not an event id from the feed");
        }
    }
}
