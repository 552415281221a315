package io.skillsync.health;

import java.util.function.Supplier;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.skillsync.config.Unit;
import io.skillsync.config.Units;

/**
 * A check asked of each business unit in turn (operations.md, "Several business units"): DOWN when any unit is,
 * each unit's findings under its name ({@code east.credentials}), so an operator sees which unit. With one unit,
 * the check as it always was.
 */
final class EachUnit {

    private EachUnit() {
    }

    static HealthCheckResponse check(Units units, String name, Supplier<HealthCheckResponse> check) {
        if (!units.several()) {
            return check.get();
        }
        HealthCheckResponseBuilder all = HealthCheckResponse.named(name).up();
        for (Unit unit : units.all()) {
            HealthCheckResponse one = Units.in(unit, check);
            if (one.getStatus() == HealthCheckResponse.Status.DOWN) {
                all.down();
            }
            all.withData(unit.name(), one.getStatus().name());
            one.getData().ifPresent(data -> data.forEach((key, value) -> all.withData(unit.name() + "." + key, String.valueOf(value))));
        }
        return all.build();
    }
}
