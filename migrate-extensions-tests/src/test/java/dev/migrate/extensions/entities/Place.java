package dev.migrate.extensions.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.geolatte.geom.G2D;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** A place (hibernate-spatial): a JTS point with its subtype and SRID, a geolatte polygon, any JTS geometry. */
@Entity
@Table(name = "places")
public class Place {
    @Id
    Long id;

    String name;

    @Column(columnDefinition = "geometry(Point,4326)")
    Point location;

    @Column(columnDefinition = "geometry(Polygon,4326)")
    org.geolatte.geom.Polygon<G2D> area;

    Geometry outline;
}
