package dev.migrate.autogen.entity.springdata.twonames;

import org.springframework.data.relational.core.mapping.NamingStrategy;

/** The other of two naming strategies in one package. */
public class LowerNames implements NamingStrategy {}
