package io.skillsync;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

import io.skillsync.config.Unit;
import io.skillsync.config.Units;

/**
 * Camel's own meters of a unit's routes carry the {@code unit} label too, read from the route id
 * ({@code roster-intake.east}), so a dashboard or an alert by unit sees the routes as it sees the runs.
 */
@Singleton
public class UnitMetrics {

    @Produces
    @Singleton
    MeterFilter unitOfRoute(Units units) {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String route = id.getTag("routeId");
                if (!units.several() || route == null || id.getTag("unit") != null) {
                    return id;
                }
                for (Unit unit : units.all()) {
                    if (route.endsWith(unit.suffix())) {
                        return id.withTag(Tag.of("unit", unit.name()));
                    }
                }
                return id;
            }
        };
    }
}
