package io.sitrep.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JSON Schemas in {@code src/main/resources/schemas}, loaded from the classpath the way a consumer
 * loads them from our jar: their {@code $id} prefix mapped to the {@code schemas/} folder, so that no
 * reference is ever fetched from the network.
 */
final class EventSchemas {

    static final String ID_PREFIX = "https://sitrep.io/schemas/";
    static final String FOLDER = "schemas/";
    static final String COMMON = "common.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            registry -> registry
                    .schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:" + FOLDER))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            // format is only an annotation in 2020-12; assert it so that time and
                            // occurredAt are checked as date-times.
                            .formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_POINTER)
                            .build()));

    private EventSchemas() {
    }

    /** Every CloudEvents type of the codec: one per permitted event record. */
    static List<String> types() {
        return Stream.of(PageEvent.class, IncidentEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .map(type -> CloudEventCodec.typeOf(type.asSubclass(SitrepEvent.class)))
                .toList();
    }

    /** The schema of the whole CloudEvent of a type. */
    static Schema ofType(String type) {
        return REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + type + ".json"));
    }

    /** The schema of a type's {@code data} alone: the JSON of the event record. */
    static Schema ofData(String type) {
        return REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + type + ".json#/$defs/data"));
    }

    /** What is wrong with an instance, one line per violation: keyword, where, and the validator's words. */
    static List<String> violations(Schema schema, JsonNode instance) {
        return schema.validate(instance).stream()
                .map(error -> error.getKeyword() + " at " + error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }

    /** Every {@code $ref} in a document, depth first. */
    static List<String> references(JsonNode document) {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        return references;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.has("$ref")) {
            references.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectReferences(child, references));
    }

    /** The names of the files in the schemas folder on the classpath. */
    static Set<String> files() {
        URL folder = Objects.requireNonNull(EventSchemas.class.getClassLoader().getResource(FOLDER),
                "no " + FOLDER + " on the classpath");
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
