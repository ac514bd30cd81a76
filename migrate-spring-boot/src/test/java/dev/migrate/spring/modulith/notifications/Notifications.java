package dev.migrate.spring.modulith.notifications;

import dev.migrate.spring.modulith.orders.Orders;

/** Fixture: a module on orders with no revisions of its own, so no chain. */
public class Notifications {
    /** What is sent when {@code orders} takes an order. */
    public String placed(Orders orders) {
        return "placed with " + orders;
    }
}
