package com.example.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.TableGenerator;

/** Numbered from a generator table, which Hibernate seeds with a row per generator. */
@Entity
public class Skill {
    @Id
    @TableGenerator(name = "skill_ids", table = "id_generators", pkColumnName = "gen_name",
            valueColumnName = "gen_value", pkColumnValue = "skill")
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "skill_ids")
    Long id;

    String title;
}
