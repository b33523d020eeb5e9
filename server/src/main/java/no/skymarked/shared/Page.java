package no.skymarked.shared;

import java.util.List;

/** One page of a listing: {@code nextCursor} is absent on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page from rows fetched with {@code limit + 1} at {@code offset}: the extra row only tells that another
     * page follows, and the cursor to it is bound to {@code scope}.
     */
    public static <T> Page<T> of(List<T> rowsPlusOne, int limit, int offset, String scope) {
        boolean more = rowsPlusOne.size() > limit;
        return new Page<>(more ? List.copyOf(rowsPlusOne.subList(0, limit)) : List.copyOf(rowsPlusOne),
                more ? new Cursor(offset + limit, scope).encode() : null);
    }
}
