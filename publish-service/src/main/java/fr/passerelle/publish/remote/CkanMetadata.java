package fr.passerelle.publish.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.contracts.PublicationRequested;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The catalogue's metadata in CKAN's words (core package fields, the extras ckanext-dcat reads), checked before
 * anything is sent. Sent: title, notes, licence, tags, maintainer and maintainer_email (the contact), {@code private},
 * extras {@code frequency} (EU vocabulary URI), {@code temporal_start}, {@code temporal_end}; on the resource, the
 * schema's URL in {@code schema} (ckanext-validation). Not sent: the theme (a CKAN's themes are its own groups), the
 * spatial coverage (ckanext-dcat's {@code spatial_uri} takes one URI and INSEE's are not made from a code).
 */
final class CkanMetadata {

    static final String PORTAL = "le portail CKAN";

    /** Passerelle's licence ids → CKAN's default licence register, plus Etalab's {@code fr-lo} French CKANs add. */
    static final Map<String, String> LICENCES = Map.of(
            "etalab-2.0", "fr-lo", "odbl", "odc-odbl", "cc-by-4.0", "cc-by", "cc-by-sa-4.0", "cc-by-sa",
            "cc0-1.0", "cc-zero");
    /** Passerelle's frequencies → the EU frequency vocabulary that ckanext-dcat writes as dct:accrualPeriodicity. */
    static final Map<String, String> FREQUENCIES = Map.of(
            "continuous", "CONT", "daily", "DAILY", "weekly", "WEEKLY", "monthly", "MONTHLY",
            "quarterly", "QUARTERLY", "annual", "ANNUAL", "irregular", "IRREG", "unknown", "UNKNOWN");
    static final String EU_FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";
    /** CKAN's tag_name_validator: 2 to 100 characters, letters, digits, spaces, {@code -_.}. */
    private static final Pattern TAG = Pattern.compile("[\\w \\-.]{2,100}", Pattern.UNICODE_CHARACTER_CLASS);

    private CkanMetadata() {
    }

    /**
     * The package fields for {@code package_create} and {@code package_patch}.
     *
     * @throws RemoteFailure naming, in French, every value CKAN would refuse; nothing is sent then
     */
    static ObjectNode dataset(PublicationRequested request, boolean isPrivate) throws RemoteFailure {
        DatasetMetadata metadata = request.metadata();
        MetadataProblems problems = new MetadataProblems(PORTAL);
        ObjectNode body = RemoteHttp.JSON.createObjectNode();
        body.put("title", metadata == null || metadata.title() == null ? request.dataset() : metadata.title());
        body.put("notes", metadata == null || metadata.description() == null
                ? "Jeu de données « " + request.dataset() + " » publié avec Passerelle." : metadata.description());
        body.put("private", isPrivate);
        if (metadata != null) {
            if (metadata.licence() != null) {
                String licence = LICENCES.get(metadata.licence());
                if (licence == null) {
                    problems.add("la licence « " + metadata.licence() + " » n'a pas d'équivalent sur CKAN");
                }
                body.put("license_id", licence);
            }
            ArrayNode tags = body.putArray("tags");
            for (String keyword : metadata.keywords() == null ? List.<String>of() : metadata.keywords()) {
                String tag = keyword == null ? "" : keyword.strip();
                if (!TAG.matcher(tag).matches()) {
                    problems.add("le mot-clé « " + tag + " » n'est pas accepté par CKAN (2 à 100 lettres, chiffres,"
                            + " espaces, tirets, points)");
                }
                tags.addObject().put("name", tag);
            }
            if (metadata.contactName() != null) {
                body.put("maintainer", metadata.contactName());
            }
            if (metadata.contactEmail() != null) {
                body.put("maintainer_email", metadata.contactEmail());
            }
            List<String[]> extras = new ArrayList<>();
            if (metadata.frequency() != null) {
                String frequency = FREQUENCIES.get(metadata.frequency());
                if (frequency == null) {
                    problems.add("la fréquence « " + metadata.frequency() + " » n'a pas d'équivalent européen");
                } else {
                    extras.add(new String[] {"frequency", EU_FREQUENCY + frequency});
                }
            }
            if (metadata.temporalStart() != null) {
                extras.add(new String[] {"temporal_start", metadata.temporalStart().toString()});
            }
            if (metadata.temporalEnd() != null) {
                extras.add(new String[] {"temporal_end", metadata.temporalEnd().toString()});
            }
            ArrayNode extrasNode = body.putArray("extras");
            extras.forEach(extra -> extrasNode.addObject().put("key", extra[0]).put("value", extra[1]));
        }
        problems.throwIfAny();
        return body;
    }

    /** The resource's text fields; {@code schema} is the schema's URL, which ckanext-validation reads. */
    static Map<String, String> resourceFields(PublicationRequested request) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        if (request.catalogueSchema() != null) {
            fields.put("schema", request.catalogueSchema().url());
        }
        return fields;
    }

    /** What CKAN refused, in French, from the field names of its validation error. */
    static String refusedWhat(JsonNode answer) {
        JsonNode error = answer.path("error");
        List<String> what = new ArrayList<>();
        Map<String, String> names = Map.of("schema", "le schéma déclaré (ckanext-validation ne l'a pas accepté)",
                "validation", "le fichier, que sa validation (ckanext-validation) trouve non conforme au schéma déclaré",
                "license_id", "la licence", "tags", "les mots-clés", "name", "l'identifiant du jeu de données",
                "extras", "les métadonnées complémentaires (extras)", "owner_org", "l'organisation");
        error.fieldNames().forEachRemaining(field -> {
            if (!field.startsWith("__") && !"message".equals(field)) {
                what.add(names.getOrDefault(field, "le champ « " + field + " »"));
            }
        });
        return what.isEmpty() ? null : String.join(", ", what);
    }
}
