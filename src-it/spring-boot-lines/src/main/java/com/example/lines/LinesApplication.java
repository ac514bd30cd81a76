package com.example.lines;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class LinesApplication {
    public static void main(String[] args) {
        SpringApplication.run(LinesApplication.class, args);
    }

    /** Uses JPA once the application is up: the starter migrated before Hibernate validated the entity. */
    @Bean
    CommandLineRunner report(CustomerRepository customers) {
        return args -> {
            customers.save(new Customer("ada"));
            System.out.println("Spring Boot " + SpringBootVersion.getVersion() + " customers: " + customers.count());
        };
    }
}
