package dev.migrate.autogen.data;

/**
 * Where something stands in a declared file, counted from 1 as compilers and editors count: {@code line} and
 * the {@code column} (in characters) of its first character.
 */
public record Place(int line, int column) {
    /** Where nothing is known: messages then name the file alone. */
    public static final Place UNKNOWN = new Place(0, 0);

    /** {@code db/data/countries.csv:7:3}, as compilers point at a place an editor opens; the file alone if unknown. */
    public String in(String source) {
        return line <= 0 ? source : column <= 0 ? source + ":" + line : source + ":" + line + ":" + column;
    }
}
