package io.skillsync.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a bean keeps of one tenant (a token, a pace, a directory), once per business unit: {@link #get()} is the
 * current unit's, made on first use. With one unit, one.
 */
public final class PerUnit<T> {

    private final Function<Unit, T> make;
    private final Map<Unit, T> each = new ConcurrentHashMap<>();

    public PerUnit(Function<Unit, T> make) {
        this.make = make;
    }

    public T get() {
        return of(Units.now());
    }

    public T of(Unit unit) {
        return each.computeIfAbsent(unit, make);
    }
}
