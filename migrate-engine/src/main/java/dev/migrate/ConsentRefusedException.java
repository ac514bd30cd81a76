package dev.migrate;

/**
 * A run that can lose data or history, started by a coding agent on a database migrate did not start, without the
 * consent token of exactly its plan: nothing was run. The message shows the plan, the rows of its tables, the token
 * and what the agent is to do (stop and ask its user); {@link #token()} is the token alone.
 *
 * <pre>{@code
 * try {
 *     migrator.downgrade("base");
 * } catch (ConsentRefusedException e) {
 *     System.err.println(e.getMessage());   // the plan, its rows and its token: show it to the user
 * }
 * }</pre>
 */
public final class ConsentRefusedException extends MigrateException {
    private static final long serialVersionUID = 1L;

    private final String plan;
    private final String token;
    private final String instructions;

    /**
     * A refusal: {@code throw new ConsentRefusedException("Refused: ...\nThe plan:\n  DROP TABLE orders;\n",
     * "c1-...", "Consent token for exactly this plan ...")}.
     *
     * @param plan why it was refused and the plan, with its tables' rows, each line ending with a line break
     * @param token the consent token of exactly this plan on this database
     * @param instructions the token's line and what the agent is to do
     */
    public ConsentRefusedException(String plan, String token, String instructions) {
        super(plan + instructions);
        this.plan = plan;
        this.token = token;
        this.instructions = instructions;
    }

    /**
     * The consent token of the refused plan:
     * {@code try { migrator.downgrade("base"); } catch (ConsentRefusedException e) { System.err.println(e.token()); }}
     */
    public String token() {
        return token;
    }

    /**
     * This refusal with {@code measured} shown after the plan and before its token, such as what the plan did on a
     * throwaway copy of the chain; the token stays that of the plan, whatever was measured:
     * {@code try { migrator.downgrade("base"); } catch (ConsentRefusedException e) {
     * throw e.withMeasured("Rehearsed: ...\n"); }}.
     *
     * @param measured lines ending with a line break
     */
    public ConsentRefusedException withMeasured(String measured) {
        ConsentRefusedException more = new ConsentRefusedException(plan + measured, token, instructions);
        more.setStackTrace(getStackTrace());
        return more;
    }
}
