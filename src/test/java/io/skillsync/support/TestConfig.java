package io.skillsync.support;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import io.skillsync.config.SkillSyncConfig;

/**
 * A {@link SkillSyncConfig} for plain unit tests, without Quarkus: the values given by path
 * ({@code "cxone.batchSize"}), an empty Optional for any optional setting not given, and nested groups as
 * further such views. Asking for any other setting fails the test, so a test names what it depends on.
 */
public final class TestConfig {

    private TestConfig() {
    }

    public static SkillSyncConfig of(Map<String, Object> values) {
        return view(SkillSyncConfig.class, "", values);
    }

    private static <T> T view(Class<T> type, String prefix, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            String path = prefix + method.getName();
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "TestConfig(" + prefix + ")" : method.invoke(values, args);
            }
            if (values.containsKey(path)) {
                Object value = values.get(path);
                return method.getReturnType() == Optional.class && !(value instanceof Optional) ? Optional.of(value) : value;
            }
            if (method.getReturnType() == Optional.class) {
                return Optional.empty();
            }
            if (method.getReturnType().isInterface() && method.getParameterCount() == 0) {
                return view(method.getReturnType(), path + ".", values);
            }
            if (method.isDefault()) {
                return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw new IllegalStateException("the test did not set " + path);
        }));
    }
}
