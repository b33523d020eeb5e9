package no.skymarked.catalogdata;

/** One thing wrong with a catalogue file: the file (relative path), a JSON pointer into it and what is wrong. */
public record CatalogueProblem(String file, String pointer, String detail) {
    @Override
    public String toString() {
        return file + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + detail;
    }
}
