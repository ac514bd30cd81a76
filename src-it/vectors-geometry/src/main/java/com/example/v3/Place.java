package com.example.v3;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Point;

/** A place on the map: a PostGIS point in WGS 84. */
@Entity
@Table(name = "place")
public class Place {
    @Id
    Long id;

    String name;

    @Column(columnDefinition = "geometry(Point,4326)")
    Point location;
}
