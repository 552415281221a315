package io.skillsync.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A unit's settings, read through the deployment's own configuration: a key {@code skillsync.<key>} is
 * {@code skillsync.unit.<name>.<key>} when that is set (in a file, a profile or the environment), the top
 * level's otherwise; {@code work-dir} falls back to {@code <work-dir>/<name>}. Mapped to a
 * {@link SkillSyncConfig} like the top level, so a misspelt unit key stops the start as a misspelt key does.
 */
final class UnitSettings implements ConfigSource {

    private static final String PREFIX = "skillsync.";
    private static final String UNITS = PREFIX + "unit.";

    private final SmallRyeConfig top;
    private final String unit;

    private UnitSettings(SmallRyeConfig top, String unit) {
        this.top = top;
        this.unit = unit;
    }

    static SkillSyncConfig of(SmallRyeConfig top, String unit) {
        return config(top, unit).getConfigMapping(SkillSyncConfig.class);
    }

    /**
     * The unit's whole configuration: its own keys over the top level's, the mapping's defaults under both. Its own
     * keys are checked first, alone: a misspelt one stops the start, as a misspelt key of the top level does (what
     * the top level holds was checked by Quarkus, which leaves system properties and environment variables alone).
     */
    static SmallRyeConfig config(SmallRyeConfig top, String unit) {
        UnitSettings settings = new UnitSettings(top, unit);
        Map<String, String> own = new java.util.HashMap<>();
        for (String name : settings.ownNames()) {
            own.put(name, settings.getValue(name));
        }
        builder(new io.smallrye.config.PropertiesConfigSource(own, "skillsync.unit." + unit, 500)).withValidateUnknown(true).build();
        return builder(settings).withValidateUnknown(false).build();
    }

    private static SmallRyeConfigBuilder builder(ConfigSource source) {
        return new SmallRyeConfigBuilder().withSources(source)
                // the top level reads "20s"; SmallRye's own converter reads only ISO-8601
                .withConverter(java.time.Duration.class, 200, new DurationConverter())
                .withMapping(SkillSyncConfig.class);
    }

    /** The unit's own keys from files (skillsync.unit.<unit>.cxone.client-id), named as the top level's. */
    private Set<String> ownNames() {
        Set<String> names = new TreeSet<>();
        String own = UNITS + unit + ".";
        for (String name : top.getPropertyNames()) {
            if (name.startsWith(own) && fromAFile(name)) {
                names.add(PREFIX + name.substring(own.length()));
            }
        }
        return names;
    }

    /** The top level's names, the unit's own keys in place of the top level's; no other unit's. */
    @Override
    public Set<String> getPropertyNames() {
        Set<String> names = new TreeSet<>(ownNames());
        for (String name : top.getPropertyNames()) {
            if (!name.startsWith(UNITS)) {
                names.add(name);
            }
        }
        return names;
    }

    /** An environment variable's name cannot tell a dash from a dot: it is read when its key is asked for. */
    private boolean fromAFile(String name) {
        String source = top.getConfigValue(name).getSourceName();
        return source == null || !(source.contains("EnvConfigSource") || source.contains("SysPropConfigSource"));
    }

    @Override
    public String getValue(String name) {
        if (name.startsWith(PREFIX) && !name.startsWith(UNITS)) {
            String key = name.substring(PREFIX.length());
            ConfigValue own = top.getConfigValue(UNITS + unit + "." + key);
            if (own.getValue() != null) {
                return own.getValue();
            }
            if (key.equals("work-dir")) {
                return top.getConfigValue(name).getValue() + "/" + unit;
            }
        }
        return top.getConfigValue(name).getValue();
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> all = new java.util.HashMap<>();
        for (String name : getPropertyNames()) {
            String value = getValue(name);
            if (value != null) {
                all.put(name, value);
            }
        }
        return all;
    }

    @Override
    public String getName() {
        return "skillsync.unit." + unit;
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
