package io.skillsync.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The business units this deployment serves ({@code skillsync.units}), and the one whose work is under way
 * on this thread. Every bean is one for the process; what a bean reads of the settings, and what it keeps of
 * a tenant, is the current unit's: the unit's routes set it on every step ({@code UnitSteps}), the console
 * and /ops from the request, health and metrics for each unit in turn. With several units, work on a thread
 * that names none fails at once rather than reach the wrong tenant; with one, there is nothing to choose.
 */
@Singleton
public class Units {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,39}");
    private static final ThreadLocal<Unit> CURRENT = new ThreadLocal<>();

    /** The process's units once the service started; none in a plain test, which works as one unnamed unit. */
    private static volatile Units installed;
    private static final Unit ALONE = new Unit(Unit.UNNAMED, null);

    private final List<Unit> all;
    private final SkillSyncConfig top;
    private final java.util.Map<String, SmallRyeConfig> keys = new java.util.HashMap<>();

    Units() {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        this.top = config.getConfigMapping(SkillSyncConfig.class);
        List<String> names = top.units().orElse(List.of()).stream().map(String::trim).filter(n -> !n.isEmpty()).toList();
        List<Unit> units = new ArrayList<>();
        for (String name : names) {
            if (!NAME.matcher(name).matches() || names.indexOf(name) != names.lastIndexOf(name)) {
                throw new IllegalArgumentException("skillsync.units: '" + name
                        + "' is not a unit name (letters, digits and '-', at most 40, each once)");
            }
            SmallRyeConfig own = UnitSettings.config(config, name);
            keys.put(name, own);
            units.add(new Unit(name, own.getConfigMapping(SkillSyncConfig.class)));
        }
        for (String keyed : top.unit().keySet()) {
            if (!names.contains(keyed)) {
                throw new IllegalArgumentException("skillsync.unit." + keyed + ".* is set, but skillsync.units " + names
                        + " does not name '" + keyed + "'");
            }
        }
        this.all = units.isEmpty() ? List.of(new Unit(Unit.UNNAMED, top)) : List.copyOf(units);
        installed = this;
    }

    /** The unit of the work under way on this thread, for what keeps state per unit ({@link PerUnit}). */
    public static Unit now() {
        Units units = installed;
        return units == null ? ALONE : units.current();
    }

    /** Each {@code skillsync.*} key as the unit reads it (its own over the top level's), but the units' own blocks. */
    public java.util.Map<String, String> keysOf(Unit unit) {
        SmallRyeConfig config = keys.get(unit.name());
        // the unit's names are the top level's (system properties and environment variables included), its own keys
        // and the mapping's defaults
        java.util.Map<String, String> each = new java.util.TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("skillsync.") && !name.startsWith("skillsync.unit.") && !name.equals("skillsync.units")) {
                config.getOptionalValue(name, String.class).ifPresent(value -> each.put(name, value));
            }
        }
        return each;
    }

    /** The top level's settings: what the process has once (cluster, console, health), and each unit's fallback. */
    public SkillSyncConfig top() {
        return top;
    }

    /** Every unit, in the order skillsync.units names them (one unnamed unit when it names none). */
    public List<Unit> all() {
        return all;
    }

    public boolean several() {
        return all.size() > 1 || all.get(0).named();
    }

    /** The unit of the work under way on this thread. */
    public Unit current() {
        if (!several()) {
            return all.get(0);
        }
        Unit unit = CURRENT.get();
        if (unit == null) {
            throw new IllegalStateException("no business unit on this thread (skillsync.units " + all + ")");
        }
        return unit;
    }

    /** The unit of this name ({@code default} or empty for the unnamed one), or an exception naming the units. */
    public Unit named(String name) {
        for (Unit unit : all) {
            if (unit.name().equals(name) || unit.label().equals(name) || (!several() && (name == null || name.isEmpty()))) {
                return unit;
            }
        }
        throw new IllegalArgumentException("no business unit '" + name + "' (skillsync.units " + all + ")");
    }

    /** The {@code unit} label of the unit's metrics; none for the unnamed unit (its series are named as always). */
    public static io.micrometer.core.instrument.Tags tags(Unit unit) {
        return unit.named() ? io.micrometer.core.instrument.Tags.of("unit", unit.name())
                : io.micrometer.core.instrument.Tags.empty();
    }

    /** The current unit's {@code unit} label. */
    public static io.micrometer.core.instrument.Tags tags() {
        return tags(now());
    }

    /** Runs work as the given unit's, then puts back whatever unit the thread had. */
    public static <T> T in(Unit unit, Supplier<T> work) {
        Unit before = enter(unit);
        try {
            return work.get();
        } finally {
            restore(before);
        }
    }

    public static void run(Unit unit, Runnable work) {
        in(unit, () -> {
            work.run();
            return null;
        });
    }

    /** Sets the thread's unit without putting it back (a step of the unit's route: the next step sets its own). */
    public static Unit enter(Unit unit) {
        Unit before = CURRENT.get();
        CURRENT.set(unit);
        said(unit);
        return before;
    }

    public static void restore(Unit before) {
        if (before == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(before);
        }
        said(before);
    }

    /** Every log line of a named unit's work starts with {@code [east]} (the log format's %X{unit}). */
    private static void said(Unit unit) {
        if (unit != null && unit.named()) {
            org.jboss.logging.MDC.put("unit", "[" + unit.name() + "] ");
        } else {
            org.jboss.logging.MDC.remove("unit");
        }
    }

    /**
     * The given bean seen as the unit's: every call runs as the unit's work. For what Camel calls outside any
     * step of a route (a file consumer's filter, a route policy, a poll strategy, an idempotent repository).
     */
    @SuppressWarnings("unchecked")
    public static <T> T as(Unit unit, Class<T> type, T bean) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Unit before = enter(unit);
            try {
                return method.invoke(bean, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                restore(before);
            }
        });
    }

    /**
     * The settings every bean reads: with one unit, the top level's as mapped; with several, the current unit's,
     * looked up at each call (a group kept in a field stays the current unit's too).
     */
    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    SkillSyncConfig settings() {
        if (!several()) {
            return all.get(0).settings();
        }
        return CurrentSettings.of(SkillSyncConfig.class, this, List.of());
    }
}
