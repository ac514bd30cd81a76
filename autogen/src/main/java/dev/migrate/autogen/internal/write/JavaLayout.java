package dev.migrate.autogen.internal.write;

/**
 * The layout of the migration classes the writer prints, in one place: the widest line, the
 * indent, the columns JavaPoet puts a method body's code at, and what they leave for comments and
 * for the pieces of long literals.
 */
public final class JavaLayout {
    /** The widest line written; longer statements wrap, longer comments break between words. */
    public static final int LINE_WIDTH = 100;
    /** One level of indent. */
    public static final String INDENT = "    ";

    /** A statement in a method body: the class's indent and the method's. */
    static final int STATEMENT_COLUMN = 2 * INDENT.length();
    /** A wrapped line of a statement: JavaPoet indents the continuation lines of a statement twice. */
    static final int CONTINUATION_COLUMN = STATEMENT_COLUMN + 2 * INDENT.length();
    /** A wrapped line of a createTable element, a statement's continuation continued. */
    static final int ELEMENT_COLUMN = CONTINUATION_COLUMN + 2 * INDENT.length();

    /** A line of the class Javadoc after its {@code " * "}. */
    public static final int JAVADOC_WIDTH = LINE_WIDTH - " * ".length();
    /** A comment line in a method body after its {@code "// "}. */
    static final int COMMENT_WIDTH = LINE_WIDTH - STATEMENT_COLUMN - "// ".length();

    /*
     * The room a quoted literal has on its line, so that it is cut into pieces only where it would
     * pass the line width.
     */
    /** {@code op.execute("...");} starts its literal right after {@code op.execute(} and ends with two characters. */
    static final int EXECUTE_ROOM = LINE_WIDTH - STATEMENT_COLUMN - "op.execute(".length() - ");".length();
    /** The last argument of a statement, which wraps onto a continuation line of its own when needed. */
    static final int ARGUMENT_ROOM = LINE_WIDTH - CONTINUATION_COLUMN - ");".length();
    /** The argument of a fluent call such as {@code .defaultValue(...)} on a wrapped element line. */
    static final int FLUENT_ROOM = LINE_WIDTH - ELEMENT_COLUMN - ".defaultValue(".length() - "),".length();
    /** The expression of a {@code check(...)} element in a createTable, which wraps to an element line. */
    static final int ELEMENT_ROOM = LINE_WIDTH - ELEMENT_COLUMN - "),".length();
    /** The longest piece of a literal cut into pieces, so each fits on a wrapped line with its {@code +}. */
    static final int LITERAL_PIECE = 56;

    private JavaLayout() {}
}
