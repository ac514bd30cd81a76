package dev.migrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Takes tables another module gave this revision's module with {@link HandsOver}: the tables and their rows stay, no
 * statement runs, and from this revision on they belong to this module's chain. The revision depends on the one that
 * gave them ({@code dependsOn = "<module>.<id>"}), so that an upgrade gives before it takes, and a downgrade of the
 * giving module is refused while this revision is applied.
 *
 * <pre>{@code
 * @Revision(id = "20261129_100500", module = "billing", dependsOn = "customers.20261129_100000",
 *         message = "take customer_note from customers")
 * @TakesOver(from = "customers", tables = "customer_note")
 * public class V20261129_100500_TakeCustomerNote implements Migration {
 *     public void upgrade(Operations op) {}
 *     public void downgrade(Operations op) {}
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TakesOver {
    /**
     * The module that gave the tables:
     *
     * <pre>{@code
     * @TakesOver(from = "customers", tables = "customer_note")
     * }</pre>
     *
     * @return the module's name
     */
    String from();

    /**
     * The tables taken, as the giving revision names them:
     *
     * <pre>{@code
     * @TakesOver(from = "customers", tables = {"customer_note", "customer_note_tag"})
     * }</pre>
     *
     * @return the tables' names
     */
    String[] tables();
}
