package dev.migrate.spring.modulith.orders;

import dev.migrate.spring.modulith.inventory.Stock;

/** Fixture: module orders uses inventory's type, so Spring Modulith finds that it depends on inventory. */
public class Orders {
    /** The stock left once {@code count} of it is ordered. */
    public Stock order(Stock stock, int count) {
        return new Stock(stock.sku(), stock.count() - count);
    }
}
