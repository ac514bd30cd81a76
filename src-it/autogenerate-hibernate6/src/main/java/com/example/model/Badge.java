package com.example.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.TableGenerator;

/** A second row of the generator table {@link Skill} uses. */
@Entity
public class Badge {
    @Id
    @TableGenerator(name = "badge_ids", table = "id_generators", pkColumnName = "gen_name",
            valueColumnName = "gen_value", pkColumnValue = "badge", initialValue = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "badge_ids")
    Long id;
}
