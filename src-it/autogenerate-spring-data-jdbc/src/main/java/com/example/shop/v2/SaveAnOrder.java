package com.example.shop.v2;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The application at model v2: Spring Data JDBC saves an order on the migrated database and reads it back. */
public class SaveAnOrder {
    @Configuration(proxyBeanMethods = false)
    static class Application extends AbstractJdbcConfiguration {}

    public static void main(String[] args) {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl("jdbc:postgresql://localhost:25517/app");
        db.setUser("app");
        db.setPassword("sdj-pw");
        try (AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext()) {
            spring.registerBean(DataSource.class, () -> db);
            spring.registerBean(NamedParameterJdbcOperations.class, () -> new NamedParameterJdbcTemplate(db));
            spring.register(Application.class);
            spring.refresh();
            JdbcAggregateTemplate orders = spring.getBean(JdbcAggregateTemplate.class);
            PurchaseOrder order = new PurchaseOrder();
            order.customerName = "Ada";
            order.note = "ring twice";
            order.shipping = new PurchaseOrder.Address();
            order.shipping.city = "Paris";
            PurchaseOrder.OrderLine line = new PurchaseOrder.OrderLine();
            line.product = "tea";
            line.quantity = 2;
            order.lines.add(line);
            PurchaseOrder.Tag tag = new PurchaseOrder.Tag();
            tag.name = "gift";
            order.tags.add(tag);
            PurchaseOrder read = orders.findById(orders.save(order).id, PurchaseOrder.class);
            System.out.println("Spring Data JDBC saved and read order " + read.id + " of " + read.customerName
                    + " with " + read.lines.size() + " line and " + read.tags.size() + " tag, note " + read.note);
        }
    }
}
