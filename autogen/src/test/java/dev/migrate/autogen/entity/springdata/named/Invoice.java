package dev.migrate.autogen.entity.springdata.named;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An aggregate named by the project's naming strategy. */
@Table
public class Invoice {
    @Id
    public Long id;

    public String billedTo;
    public List<Item> items = new ArrayList<>();

    public static class Item {
        public String description;
    }
}
