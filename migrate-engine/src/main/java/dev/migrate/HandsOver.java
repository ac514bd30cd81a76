package dev.migrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives tables of this revision's module to another module, when their entity moved there: the tables and their rows
 * stay, no statement runs, and from this revision on the module's comparisons leave them alone. The other module
 * takes them with a revision marked {@link TakesOver} that depends on this one, so an upgrade gives before it takes
 * and a downgrade takes back before it gives back.
 *
 * <pre>{@code
 * @Revision(id = "20261129_100000", module = "customers", message = "hand customer_note over to billing")
 * @HandsOver(to = "billing", tables = "customer_note")
 * public class V20261129_100000_HandOverCustomerNote implements Migration {
 *     public void upgrade(Operations op) {}
 *     public void downgrade(Operations op) {}
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface HandsOver {
    /**
     * The module that takes the tables:
     *
     * <pre>{@code
     * @HandsOver(to = "billing", tables = "customer_note")
     * }</pre>
     *
     * @return the module's name
     */
    String to();

    /**
     * The tables given, as the module's revisions created them ({@code schema.table} outside the default schema), and
     * the sequences given with them (an entity's own, {@code customer_note_seq}), named the same way:
     *
     * <pre>{@code
     * @HandsOver(to = "billing", tables = {"customer_note", "customer_note_seq", "customer_note_tag"})
     * }</pre>
     *
     * @return the tables' names
     */
    String[] tables();
}
