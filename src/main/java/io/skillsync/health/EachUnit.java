package io.skillsync.health;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.skillsync.config.Units;

/**
 * A check asked of each business unit in turn (operations.md, "Several business units"): DOWN when any unit is,
 * each unit's findings under its name ({@code east.credentials}), so an operator sees which unit. With one unit,
 * the check as it always was.
 */
final class EachUnit {

    private EachUnit() {
    }

    static HealthCheckResponse check(Units units, Supplier<HealthCheckResponse> check) {
        if (!units.several()) {
            return check.get();
        }
        List<HealthCheckResponse> each = units.all().stream().map(unit -> Units.in(unit, check)).toList();
        // the check's own name, as each unit's answer gives it
        HealthCheckResponseBuilder all = HealthCheckResponse.named(each.get(0).getName()).up();
        for (int i = 0; i < each.size(); i++) {
            String unit = units.all().get(i).name();
            HealthCheckResponse one = each.get(i);
            if (one.getStatus() == HealthCheckResponse.Status.DOWN) {
                all.down();
            }
            all.withData(unit, one.getStatus().name());
            one.getData().ifPresent(data -> data.forEach((key, value) -> all.withData(unit + "." + key, String.valueOf(value))));
        }
        return all.build();
    }
}
