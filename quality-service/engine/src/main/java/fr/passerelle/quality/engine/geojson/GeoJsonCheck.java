package fr.passerelle.quality.engine.geojson;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import fr.passerelle.quality.engine.schema.GeoJsonSchema;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;

/**
 * Checks a GeoJSON file against a GeoJSON schema such as amenagements-cyclables, with networknt's JSON Schema
 * validator (draft 7, French messages). The geojson.org schemas the national schema refers to are shipped with the
 * engine ({@code schemas/_refs/geojson.org}) and their URIs mapped there: nothing is fetched from the network.
 */
public final class GeoJsonCheck {

    /** Findings kept in a report; the count covers them all. */
    public static final int MAX_SAMPLES = 100;
    /** A GeoJSON file larger than this is refused unread (the national files weigh a few megabytes). */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final String GEOJSON_ORG = "https://geojson.org/schema/";
    private static final String SHIPPED_GEOJSON_ORG = "classpath:" + SchemaCatalog.SHIPPED_ROOT
            + "_refs/geojson.org/schema/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(GEOJSON_ORG, SHIPPED_GEOJSON_ORG)));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GeoJsonSchema schema;
    private final Schema compiled;

    private GeoJsonCheck(GeoJsonSchema schema) {
        this.schema = schema;
        this.compiled = REGISTRY.getSchema(schema.json().toString(), InputFormat.JSON);
    }

    public static GeoJsonCheck of(GeoJsonSchema schema) {
        return new GeoJsonCheck(schema);
    }

    public GeoJsonReport run(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            return problem("Le fichier dépasse " + MAX_BYTES / (1024 * 1024) + " Mo : découpez-le en plusieurs fichiers.");
        }
        JsonNode document;
        try (InputStream in = Files.newInputStream(file)) {
            document = JSON.readTree(in);
        } catch (JacksonException e) {
            return problem("Le fichier n'est pas un fichier GeoJSON lisible (JSON mal formé"
                    + (e.getLocation() == null ? "" : ", ligne " + e.getLocation().getLineNr()) + ").");
        }
        if (document == null || document.isMissingNode()) {
            return problem("Le fichier est vide.");
        }
        List<Error> errors = compiled.validate(document, context -> context.executionConfig(config -> config
                .locale(Locale.FRENCH).formatAssertionsEnabled(true)));
        int features = document.path("features").isArray() ? document.path("features").size() : 0;
        List<GeoJsonFinding> all = new ArrayList<>();
        Set<Integer> badGeometries = new HashSet<>();
        for (Error error : errors) {
            GeoJsonFinding finding = finding(error);
            // A wrong geometry fails every branch of GeoJSON's oneOf (Point, LineString…): one sentence is enough.
            if (inGeometry(error.getInstanceLocation())) {
                if (badGeometries.add(finding.feature())) {
                    all.add(new GeoJsonFinding(finding.feature(), null, (finding.feature() == 0 ? "Collection"
                            : "Objet n°" + finding.feature()) + " : la géométrie n'est pas une géométrie GeoJSON "
                            + "valide (Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon ou "
                            + "GeometryCollection, avec des coordonnées [longitude, latitude])."));
                }
            } else {
                all.add(finding);
            }
        }
        List<GeoJsonFinding> findings = all.subList(0, Math.min(MAX_SAMPLES, all.size()));
        String title = "« " + schema.displayTitle() + " »";
        String summary = all.isEmpty()
                ? "Le fichier est conforme au schéma " + title + " : " + objects(features) + ", aucune erreur."
                : "Le fichier n'est pas conforme au schéma " + title + " : " + all.size() + " erreur"
                + (all.size() > 1 ? "s" : "") + " sur " + objects(features) + ".";
        return new GeoJsonReport(schema.name(), all.isEmpty(), features, all.size(), findings, summary);
    }

    private GeoJsonReport problem(String why) {
        GeoJsonFinding finding = new GeoJsonFinding(0, null, why);
        return new GeoJsonReport(schema.name(), false, 0, 1, List.of(finding),
                "Le fichier n'a pas pu être contrôlé avec le schéma « " + schema.displayTitle() + " ». " + why);
    }

    private static String objects(int count) {
        return count + (count > 1 ? " objets géographiques" : " objet géographique");
    }

    private static boolean inGeometry(NodePath path) {
        for (int i = 0; path != null && i < path.getNameCount(); i++) {
            if ("geometry".equals(path.getElement(i))) {
                return true;
            }
        }
        return false;
    }

    /** "$.features[3].properties.ame_d" is feature 4, property ame_d. */
    static GeoJsonFinding finding(Error error) {
        NodePath path = error.getInstanceLocation();
        int feature = 0;
        String property = null;
        for (int i = 0; path != null && i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if ("features".equals(element) && i + 1 < path.getNameCount()
                    && path.getElement(i + 1) instanceof Integer index) {
                feature = index + 1;
            }
            if ("properties".equals(element) && feature > 0 && i + 1 < path.getNameCount()
                    && path.getElement(i + 1) instanceof String name) {
                property = name;
            }
        }
        if (property == null && "required".equals(error.getKeyword()) && error.getProperty() != null && feature > 0) {
            property = error.getProperty();
        }
        String where = feature == 0 ? "Collection" : "Objet n°" + feature;
        if (property != null) {
            where += ", propriété « " + property + " »";
        }
        return new GeoJsonFinding(feature, property, where + " : " + error.getMessage() + ".");
    }
}
