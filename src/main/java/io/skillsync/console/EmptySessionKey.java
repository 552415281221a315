package io.skillsync.console;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * An empty session key (the Secret template's {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY: ""}) counts as
 * none: the key of {@link SessionKeySource} then. Otherwise the empty value would hide that source, and Quarkus
 * would make a key of its own and print it in the log ("using temporary key ..."), where a key must never be.
 */
public class EmptySessionKey implements ConfigSourceInterceptor {

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (SessionKeySource.KEY.equals(name) && value != null && (value.getValue() == null || value.getValue().isEmpty())) {
            return value.from().withValue(SessionKeySource.VALUE).withRawValue(SessionKeySource.VALUE)
                    .withConfigSourceName(SessionKeySource.NAME).withConfigSourceOrdinal(SessionKeySource.ORDINAL).build();
        }
        return value;
    }
}
