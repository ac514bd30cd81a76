package dev.migrate.autogen.fixpoint.citusxml;

import java.io.Serializable;
import java.util.Objects;

/** The key of a sale: its shop, which distributes it, and its number. */
public class SaleKey implements Serializable {
    private static final long serialVersionUID = 1L;

    Long shopId;

    Long id;

    @Override
    public boolean equals(Object other) {
        return other instanceof SaleKey k && Objects.equals(shopId, k.shopId) && Objects.equals(id, k.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shopId, id);
    }
}
