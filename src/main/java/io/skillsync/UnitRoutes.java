package io.skillsync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.quarkus.main.events.AfterConfigure;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.Registry;

import io.skillsync.config.Unit;
import io.skillsync.config.Units;
import io.skillsync.cxone.TenantRateLimit;
import io.skillsync.intake.InboxGate;
import io.skillsync.intake.IntakePause;
import io.skillsync.intake.SftpDownloads;
import io.skillsync.intake.SftpIntake;
import io.skillsync.intake.SftpSecrets;

/**
 * Makes each business unit's routes from the route templates in routes/ (operations.md, "Several business
 * units"): a unit's routes take its own inbox, call its own endpoints ({@code direct:plan.east}), stand for
 * its own leader ({@code master:skillsync-east:}) and read its own settings, passed to the template as
 * {@code {{skillsync.*}}}. The unnamed unit of a deployment without {@code skillsync.units} gets the route
 * ids, endpoints and namespace it always had. SFTP's template is made twice per unit: the drop and the preview.
 */
@ApplicationScoped
public class UnitRoutes {

    /** The template parameter naming the unit a route works for, read by {@link UnitSteps}. */
    static final String UNIT = "unit";
    private static final String SFTP = "sftp-drop";
    /** Secrets never go into a route's parameters (they would show in a route dump): beans carry them. */
    private static final Pattern SECRET = Pattern.compile("(?i).*(secret|password|passphrase|seal-key|access-key).*");

    private final Units units;
    private final InboxGate inboxGate;
    private final SftpIntake sftpIntake;
    private final SftpSecrets sftpSecrets;

    UnitRoutes(Units units, InboxGate inboxGate, SftpIntake sftpIntake, SftpSecrets sftpSecrets) {
        this.units = units;
        this.inboxGate = inboxGate;
        this.sftpIntake = sftpIntake;
        this.sftpSecrets = sftpSecrets;
    }

    void make(@Observes AfterConfigure configured) {
        CamelContext camel = configured.getCamelContext();
        camel.getCamelContextExtension().addInterceptStrategy(new UnitSteps(units));
        List<String> templates = ((ModelCamelContext) camel).getRouteTemplateDefinitions().stream()
                .map(RouteTemplateDefinition::getId).filter(id -> !id.equals(SFTP)).toList();
        for (Unit unit : units.all()) {
            if (unit.named()) {
                bindBeans(camel.getRegistry(), unit);
            }
            Map<String, Object> parameters = parameters(unit);
            for (String template : templates) {
                add(camel, template, template, unit, parameters);
            }
            Map<String, Object> drop = new HashMap<>(parameters);
            drop.put("folder", unit.settings().sftp().remoteDir());
            drop.put("inboxName", "inboxName");
            drop.put("downloadKey", "${file:name}-${file:size}-${file:modified}");
            add(camel, SFTP, "sftp-intake", unit, drop);
            Map<String, Object> preview = new HashMap<>(parameters);
            preview.put("folder", unit.settings().sftp().previewDir());
            preview.put("inboxName", "previewName");
            preview.put("downloadKey", "preview/${file:name}-${file:size}-${file:modified}");
            add(camel, SFTP, "sftp-preview", unit, preview);
        }
    }

    private static void add(CamelContext camel, String template, String routeId, Unit unit, Map<String, Object> parameters) {
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camel, template).routeId(routeId + unit.suffix())
                .parameters(parameters);
        if (unit.named()) {
            // step ids are unique in the context: the unit's steps are east.runLedger.open, ...
            route.prefixId(unit.name() + ".");
        }
        route.add();
    }

    /** What a unit's routes read: its name, endpoint suffix, cluster namespace, request spacing and settings. */
    private Map<String, Object> parameters(Unit unit) {
        Map<String, Object> parameters = new HashMap<>();
        if (unit.named()) {
            units.keysOf(unit).forEach((name, value) -> {
                if (!SECRET.matcher(name).matches()) {
                    parameters.put(name, value);
                }
            });
        }
        parameters.put(UNIT, unit.name());
        parameters.put("unitSuffix", unit.suffix());
        parameters.put("clusterNamespace", unit.clusterNamespace());
        parameters.put("rateIntervalMillis", TenantRateLimit.intervalMillis(unit.settings()));
        return parameters;
    }

    /** What Camel calls outside the unit's steps, found by name ({@code #inboxGate.east}), made the unit's. */
    private void bindBeans(Registry registry, Unit unit) {
        String suffix = unit.suffix();
        registry.bind("inboxGate" + suffix, GenericFileFilter.class, Units.as(unit, GenericFileFilter.class, inboxGate));
        registry.bind("sftpIntake" + suffix, PollingConsumerPollStrategy.class,
                Units.as(unit, PollingConsumerPollStrategy.class, sftpIntake));
        registry.bind("intakePause" + suffix, IntakePause.policy(unit.settings()));
        registry.bind("sftpDownloads" + suffix, SftpDownloads.repository(unit.settings()));
        registry.bind("sftpPassword" + suffix, Units.in(unit, sftpSecrets::password));
        registry.bind("sftpPassphrase" + suffix, Units.in(unit, sftpSecrets::passphrase));
    }
}
