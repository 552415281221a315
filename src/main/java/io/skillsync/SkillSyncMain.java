package io.skillsync;

import java.util.Arrays;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.apache.camel.quarkus.core.CamelRuntime;

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
        try {
            options = options(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: probe [--agent EMAIL --skill NAME [--spare-skill NAME]]");
            return 2;
        }
        ConformanceProbe.Report report = probe.run(options);
        System.out.print(report.table());
        return report.settingsNeeded() ? 1 : 0;
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
