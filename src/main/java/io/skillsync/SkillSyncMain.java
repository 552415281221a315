package io.skillsync;

import java.util.Arrays;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.apache.camel.quarkus.core.CamelRuntime;

import io.skillsync.config.Unit;
import io.skillsync.config.Units;
import io.skillsync.probe.ConformanceProbe;

/**
 * The service, or with {@code probe} the conformance probe (docs/deploying.md, "Before go-live"):
 * {@code java -jar target/quarkus-app/quarkus-run.jar probe [--agent EMAIL --skill NAME [--spare-skill NAME]]}.
 * The probe runs with the service's own configuration but Camel is not started: no route takes a file,
 * polls SFTP or holds the cluster lock while it runs.
 * <p>
 * Camel Quarkus starts Camel by itself only when the application has no {@code @QuarkusMain}; with this
 * one, {@link #startCamel} does it at start-up (tests included), as Camel Quarkus' own main would.
 */
@QuarkusMain
public class SkillSyncMain implements QuarkusApplication {

    /** Set by {@link #main} when the command line asks for the probe, before anything starts. */
    static final String PROBING = "io.skillsync.probing";

    @Inject
    ConformanceProbe probe;
    @Inject
    CamelRuntime camel;
    @Inject
    Units units;

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("probe")) {
            System.setProperty(PROBING, "true");
        }
        Quarkus.run(SkillSyncMain.class, args);
    }

    /** Starts Camel with the application, unless this process is the probe. */
    void startCamel(@Observes StartupEvent start, CamelRuntime runtime) {
        if (!Boolean.getBoolean(PROBING)) {
            runtime.start();
        }
    }

    @Override
    public int run(String... args) throws Exception {
        if (!Boolean.getBoolean(PROBING)) {
            return camel.waitForExit();
        }
        ConformanceProbe.Options options;
        Unit unit;
        try {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            unit = unit(rest);
            options = options(withoutUnit(rest));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: probe [--unit NAME] [--agent EMAIL --skill NAME [--spare-skill NAME]]");
            return 2;
        }
        // with several business units, the probe asks the tenant of the unit named (the first by default)
        ConformanceProbe.Report report = Units.in(unit, () -> {
            try {
                return probe.run(options);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.print(report.table());
        return report.settingsNeeded() ? 1 : 0;
    }

    /** The unit --unit names, or the first: each unit's tenant is probed on its own. */
    Unit unit(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--unit")) {
                return units.named(args[i + 1]);
            }
        }
        return units.all().get(0);
    }

    static String[] withoutUnit(String[] args) {
        java.util.List<String> rest = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--unit") && i + 1 < args.length) {
                i++;
            } else {
                rest.add(args[i]);
            }
        }
        return rest.toArray(String[]::new);
    }

    static ConformanceProbe.Options options(String[] args) {
        String agent = null;
        String skill = null;
        String spare = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("probe: " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--agent" -> agent = args[i + 1];
                case "--skill" -> skill = args[i + 1];
                case "--spare-skill" -> spare = args[i + 1];
                default -> throw new IllegalArgumentException("probe: unknown option " + args[i]);
            }
        }
        if ((agent == null) != (skill == null)) {
            throw new IllegalArgumentException("probe: --agent and --skill go together");
        }
        return new ConformanceProbe.Options(agent, skill, spare);
    }
}
