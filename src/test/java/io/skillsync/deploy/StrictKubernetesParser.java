package io.skillsync.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * Reads a Kubernetes object into the fabric8 model class of its apiVersion and kind, strictly, and says
 * what the API server would refuse to decode.
 * <p>
 * The fabric8 model (kubernetes-model-* and openshift-model-monitoring for the Prometheus Operator's
 * kinds) is generated from the Kubernetes OpenAPI document and the CRDs' schemas: one class per schema
 * object, one typed property per schema property. Read leniently (as fabric8 does) an unknown field
 * lands in a catch-all {@code additionalProperties} map and "8080" passes for an integer. Read here:
 * <ul>
 * <li>the catch-all is switched off, so a field the schema does not have (a typo, a field at the wrong
 * level) is a problem, at any depth;</li>
 * <li>no scalar coercion: a string where the schema has an integer or a boolean, or a number or boolean
 * where it has a string (an unquoted {@code 8080} in a ConfigMap's data), is a problem, as it is for the
 * API server's decoder;</li>
 * <li>an apiVersion/kind that no model class declares is a problem (a misspelt kind or group);</li>
 * <li>a resource quantity ({@code cpu: 250m}, {@code memory: 1Gi}) must have the API's syntax.</li>
 * </ul>
 * What it does not do: required fields, enums and the API server's own validation rules; the JSON-schema
 * check (deploy/validate) covers required fields and formats.
 */
final class StrictKubernetesParser {

    private static final String SERVICES = "META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource";

    /** apimachinery's quantity syntax: a decimal number, then a binary or decimal SI suffix or an exponent. */
    private static final Pattern QUANTITY = Pattern
            .compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([numkMGTPE]|[KMGTPE]i|[eE][+-]?\\d+)?");

    private final Map<String, Class<? extends HasMetadata>> kinds;
    private final ObjectMapper mapper;

    StrictKubernetesParser() {
        this.kinds = Collections.unmodifiableMap(loadKinds());
        this.mapper = JsonMapper.builder()
                // no @JsonAnySetter: unknown properties are reported instead of kept in additionalProperties
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated a) {
                        return Boolean.FALSE;
                    }
                })
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addMixIn(Quantity.class, StrictQuantity.class)
                .build();
        // a value of one JSON type where the schema has another is refused, as by the API server's decoder
        fail(LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        fail(LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        fail(LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Boolean);
        fail(LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Integer);
    }

    private void fail(LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** The model classes known for "apiVersion kind", e.g. "apps/v1 Deployment". */
    Map<String, Class<? extends HasMetadata>> kinds() {
        return kinds;
    }

    /** The parsed object and the problems found; the object is null when the kind is unknown or a type was wrong. */
    record Result(HasMetadata object, List<String> problems) {
    }

    Result parse(JsonNode node) {
        List<String> problems = new ArrayList<>();
        String apiVersion = node.path("apiVersion").asText("");
        String kind = node.path("kind").asText("");
        Class<? extends HasMetadata> type = kinds.get(apiVersion + " " + kind);
        if (type == null) {
            problems.add("apiVersion " + apiVersion + " kind " + kind + ": no such kind in the Kubernetes model");
            return new Result(null, problems);
        }
        try {
            HasMetadata object = mapper.reader()
                    .withHandler(new DeserializationProblemHandler() {
                        @Override
                        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName)
                                throws IOException {
                            Class<?> owner = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
                            problems.add(path(p.getParsingContext(), propertyName) + ": unknown field \"" + propertyName
                                    + "\" (not in the schema of " + owner.getSimpleName() + ")");
                            p.skipChildren();
                            return true;
                        }
                    })
                    .forType(type)
                    .readValue(node);
            return new Result(object, problems);
        } catch (JsonMappingException e) {
            String message = e.getOriginalMessage().lines().findFirst().orElse("");
            int hint = message.indexOf(" (but ");
            problems.add(path(e) + ": " + (hint > 0 ? message.substring(0, hint) : message));
            return new Result(null, problems);
        } catch (IOException e) {
            problems.add(e.toString());
            return new Result(null, problems);
        }
    }

    private static String path(JsonStreamContext context, String leaf) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null && !(c == context)) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        parts.add("." + leaf);
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends HasMetadata>> loadKinds() {
        Map<String, Class<? extends HasMetadata>> kinds = new HashMap<>();
        ClassLoader loader = StrictKubernetesParser.class.getClassLoader();
        try {
            Enumeration<URL> lists = loader.getResources(SERVICES);
            while (lists.hasMoreElements()) {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(lists.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null;) {
                        String name = line.replaceAll("#.*", "").trim();
                        if (name.isEmpty()) {
                            continue;
                        }
                        Class<?> c;
                        try {
                            c = Class.forName(name, false, loader);
                        } catch (ClassNotFoundException | LinkageError e) {
                            continue;
                        }
                        if (!HasMetadata.class.isAssignableFrom(c)) {
                            continue;
                        }
                        Class<? extends HasMetadata> type = (Class<? extends HasMetadata>) c;
                        String key = HasMetadata.getApiVersion(type) + " " + HasMetadata.getKind(type);
                        // the Kubernetes model wins over an OpenShift copy of the same kind
                        kinds.merge(key, type, (a, b) -> a.getName().startsWith("io.fabric8.kubernetes.") ? a : b);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the fabric8 model classes", e);
        }
        if (kinds.isEmpty()) {
            throw new IllegalStateException("no fabric8 model class found on the classpath (" + SERVICES + ")");
        }
        return kinds;
    }

    /** Jackson mix-in: Quantity read through {@link QuantityDeserializer}. */
    @JsonDeserialize(using = QuantityDeserializer.class)
    abstract static class StrictQuantity {
    }

    /** A quantity is a string (or a plain number) in the API's syntax, e.g. 250m, 0.5, 1Gi, 1e3. */
    static final class QuantityDeserializer extends JsonDeserializer<Quantity> {
        @Override
        public Quantity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                return (Quantity) ctxt.handleUnexpectedToken(Quantity.class, p);
            }
            String text = p.getText();
            if (!QUANTITY.matcher(text).matches()) {
                throw ctxt.weirdStringException(text, Quantity.class,
                        "not a quantity (like 250m, 0.5, 512Mi, 1Gi)");
            }
            return new Quantity(text);
        }
    }
}
