package fr.passerelle.publish.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.contracts.CatalogueSchema;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.contracts.PublicationRequested;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalogue's metadata in OpenDataSoft's templates, each field as {@code {"value": …}}. Sent: {@code default}
 * title, description (with a sentence naming the national schema, ODS having no schema field), keyword (with the
 * schema's catalogue name), language; {@code dcat} (the interoperability template, text fields) contact_name,
 * contact_email, accrualperiodicity, temporal (an ISO 8601 interval), spatial (the INSEE codes, as text). Not sent:
 * the licence and the theme ({@code internal.license_id}, {@code theme_id}: ids each portal defines, none
 * documented), {@code default.geographic_reference} (OpenDataSoft's own reference ids, not documented in the
 * Automation API).
 */
final class OdsMetadata {

    static final String PORTAL = "OpenDataSoft";
    private static final java.util.regex.Pattern METADATA_PATH =
            java.util.regex.Pattern.compile("metadata\\.([a-z_]+)(?:\\.([a-z_]+))?");

    /** Passerelle's frequencies, in the words a person reads in the dcat template's text field. */
    static final Map<String, String> FREQUENCIES = Map.of(
            "continuous", "En continu", "daily", "Quotidienne", "weekly", "Hebdomadaire", "monthly", "Mensuelle",
            "quarterly", "Trimestrielle", "annual", "Annuelle", "irregular", "Irrégulière", "unknown", "Inconnue");

    private OdsMetadata() {
    }

    /**
     * The dataset as the reference describes it: a {@code dataset_id} (human-readable, unique on the domain) and its
     * metadata templates. {@code modified} is listed without "optional" in the model but the SDK's own example creates
     * a dataset without it: the portal dates it.
     */
    static ObjectNode dataset(PublicationRequested request) throws RemoteFailure {
        DatasetMetadata metadata = request.metadata();
        MetadataProblems problems = new MetadataProblems(PORTAL);
        ObjectNode body = RemoteHttp.JSON.createObjectNode();
        body.put("dataset_id", (request.organization() + "-" + request.dataset()).toLowerCase());
        body.put("is_restricted", false);
        ObjectNode templates = body.putObject("metadata");
        ObjectNode defaults = templates.putObject("default");
        defaults.putObject("title").put("value",
                metadata == null || metadata.title() == null ? request.dataset() : metadata.title());
        String description = metadata == null || metadata.description() == null
                ? "Jeu de données « " + request.dataset() + " » publié avec Passerelle." : metadata.description();
        CatalogueSchema schema = request.catalogueSchema();
        defaults.putObject("description").put("value", schema == null ? description
                : description + "\n\n" + schemaSentence(schema));
        defaults.putObject("language").put("value", "fr");
        Set<String> keywords = new LinkedHashSet<>();
        if (metadata != null && metadata.keywords() != null) {
            metadata.keywords().stream().filter(k -> k != null && !k.isBlank()).map(String::strip).forEach(keywords::add);
        }
        if (schema != null) {
            keywords.add(schema.name());
        }
        if (metadata != null || schema != null) {
            // Always sent with the catalogue's metadata, even empty: an update must also remove keywords.
            ArrayNode keyword = defaults.putObject("keyword").putArray("value");
            keywords.forEach(keyword::add);
        }
        if (metadata != null) {
            ObjectNode dcat = RemoteHttp.JSON.createObjectNode();
            text(dcat, "contact_name", metadata.contactName());
            text(dcat, "contact_email", metadata.contactEmail());
            if (metadata.frequency() != null && !FREQUENCIES.containsKey(metadata.frequency())) {
                problems.add("la fréquence « " + metadata.frequency() + " » n'a pas de nom connu pour OpenDataSoft");
            }
            text(dcat, "accrualperiodicity", metadata.frequency() == null ? null : FREQUENCIES.get(metadata.frequency()));
            text(dcat, "temporal", temporal(metadata));
            for (String code : metadata.spatial() == null ? List.<String>of() : metadata.spatial()) {
                if (InseeZone.of(code).isEmpty()) {
                    problems.add("« " + code + " » n'est pas un code INSEE (commune, département ou région)");
                }
            }
            text(dcat, "spatial", spatial(metadata.spatial()));
            if (!dcat.isEmpty()) {
                templates.set("dcat", dcat);
            }
        }
        problems.throwIfAny();
        return body;
    }

    /**
     * What OpenDataSoft refused, in French, from the metadata path its 400 names ({@code "message":
     * "metadata.dcat.contact_email: …"}), never its words; null when it names none.
     */
    static String refusedWhat(JsonNode answer) {
        var where = METADATA_PATH.matcher(answer.path("message").asText(""));
        if (!where.find()) {
            return null;
        }
        String template = where.group(1);
        String field = where.group(2);
        if ("dcat".equals(template) && (field == null || answer.path("message").asText().contains("template"))) {
            return "les métadonnées DCAT (le modèle « dcat » n'est pas activé sur ce portail : demandez-le à"
                    + " son administrateur)";
        }
        return field == null ? "le modèle de métadonnées « " + template + " »"
                : "le champ « " + template + "." + field + " » des métadonnées";
    }

    /** The sentence the description ends with, since OpenDataSoft has no field for a schema. */
    static String schemaSentence(CatalogueSchema schema) {
        return "Ce fichier suit le schéma national « " + schema.name() + " »"
                + (schema.version() == null ? "" : " (version " + schema.version() + ")")
                + " de schema.data.gouv.fr : " + schema.url();
    }

    /** An ISO 8601 interval ({@code 2026-01-01/2026-12-31}, {@code 2026-01-01/..} while it runs), or null. */
    static String temporal(DatasetMetadata metadata) {
        if (metadata.temporalStart() == null && metadata.temporalEnd() == null) {
            return null;
        }
        return (metadata.temporalStart() == null ? ".." : metadata.temporalStart().toString()) + "/"
                + (metadata.temporalEnd() == null ? ".." : metadata.temporalEnd().toString());
    }

    /** The codes as a person reads them: « commune 38185, département 38 ». */
    static String spatial(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (String code : codes) {
            labels.add(InseeZone.of(code).map(zone -> zone.label().replaceFirst("^(la|le) ", "")).orElse(code));
        }
        return "Codes INSEE : " + String.join(", ", labels);
    }

    private static void text(ObjectNode template, String field, String value) {
        if (value != null && !value.isBlank()) {
            template.putObject(field).put("value", value);
        }
    }
}
