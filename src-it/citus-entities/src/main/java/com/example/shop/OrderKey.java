package com.example.shop;

import java.io.Serializable;
import java.util.Objects;

/** The key of an order: its customer, the distribution column, and its own number. */
public class OrderKey implements Serializable {
    private static final long serialVersionUID = 1L;

    Long customerId;
    Long id;

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderKey k && Objects.equals(customerId, k.customerId) && Objects.equals(id, k.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerId, id);
    }
}
