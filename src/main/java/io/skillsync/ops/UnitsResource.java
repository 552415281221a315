package io.skillsync.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.skillsync.cluster.Leadership;
import io.skillsync.config.Unit;
import io.skillsync.config.Units;
import io.skillsync.intake.IntakeOpening;
import io.skillsync.run.RunStatus;

/**
 * Every business unit at a glance ({@code GET /ops/units}): whether this replica leads it, whether its intake is
 * open, its circuit, its run under way and its last complete run. Each other /ops call answers for one unit,
 * named by {@code ?unit=}.
 */
@Path("/ops/units")
@Produces(MediaType.APPLICATION_JSON)
public class UnitsResource {

    private final Units units;
    private final Leadership leadership;
    private final IntakeOpening intake;
    private final RunStatus status;

    UnitsResource(Units units, Leadership leadership, IntakeOpening intake, RunStatus status) {
        this.units = units;
        this.leadership = leadership;
        this.intake = intake;
        this.status = status;
    }

    @GET
    @RolesAllowed({ "viewer", "operator" })
    public List<Map<String, Object>> all() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Unit unit : units.all()) {
            all.add(Units.in(unit, () -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("unit", unit.label());
                one.put("workDir", unit.settings().workDir());
                one.put("leads", leadership.leads());
                one.put("intake", intake.waitingFor() == null ? "open" : "closed " + intake.waitingFor());
                one.put("circuitOpen", status.circuitOpen());
                one.put("running", status.runningFile());
                one.put("stoppedBecause", status.stoppedBecause());
                one.put("lastComplete", status.lastComplete() == null ? null : status.lastComplete().toString());
                return one;
            }));
        }
        return all;
    }
}
