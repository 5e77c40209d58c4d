package org.onedoor.web.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Configuration annotations for tests: the given values, every other attribute at its default. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static <A extends Annotation> A of(Class<A> type, Map<String, ?> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            Object value = values.get(method.getName());
            return value != null ? value : method.getDefaultValue();
        }));
    }

    /** The web configuration of a test server on 127.0.0.1. */
    public static WebConfig web(int port, long maxBodyBytes) {
        return of(WebConfig.class, Map.of("port", port, "host", "127.0.0.1", "maxBodyBytes", maxBodyBytes));
    }
}
