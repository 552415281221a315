package io.skillsync.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A settings group that answers with the current unit's values at every call: {@code config.guard()} kept in a
 * field still reads the unit of the work under way. A value read once and kept (an int, a Duration) is the
 * unit's that was current then, so beans read per-unit values at the call.
 */
final class CurrentSettings {

    /**
     * What the process has once, whichever unit is at work: its cluster, console, operations API, health and
     * progress settings, the simulator, the seal key and the unit list itself, read from the top level.
     */
    static final Set<String> PROCESS = Set.of("cluster", "console", "ops", "health", "progress", "simulator", "sealKey",
            "units", "unit");

    private CurrentSettings() {
    }

    @SuppressWarnings("unchecked")
    static <T> T of(Class<T> group, Units units, List<Method> path) {
        return (T) Proxy.newProxyInstance(group.getClassLoader(), new Class<?>[] {group}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "the current unit's " + group.getSimpleName();
                };
            }
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getPackage() == SkillSyncConfig.class.getPackage() && method.getParameterCount() == 0) {
                List<Method> longer = new ArrayList<>(path);
                longer.add(method);
                return of(type, units, longer);
            }
            Object target = path.isEmpty() && PROCESS.contains(method.getName()) || !path.isEmpty()
                    && PROCESS.contains(path.get(0).getName()) ? units.top() : units.current().settings();
            try {
                for (Method step : path) {
                    target = step.invoke(target);
                }
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
