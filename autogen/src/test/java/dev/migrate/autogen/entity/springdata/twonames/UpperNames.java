package dev.migrate.autogen.entity.springdata.twonames;

import org.springframework.data.relational.core.mapping.NamingStrategy;

/** One of two naming strategies in one package: migrate cannot tell which the application uses. */
public class UpperNames implements NamingStrategy {}
