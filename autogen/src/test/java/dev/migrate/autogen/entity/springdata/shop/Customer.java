package dev.migrate.autogen.entity.springdata.shop;

import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.repository.CrudRepository;

/** An aggregate found through its repository, without {@code @Table}, with an id the application assigns. */
public class Customer {
    @Id
    public UUID id;

    public String name;

    /** The repository that makes {@link Customer} an aggregate. */
    public interface Customers extends CrudRepository<Customer, UUID> {}
}
