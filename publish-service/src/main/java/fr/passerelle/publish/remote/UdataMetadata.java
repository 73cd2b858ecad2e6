package fr.passerelle.publish.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.contracts.CatalogueSchema;
import fr.passerelle.contracts.DatasetMetadata;
import fr.passerelle.contracts.PublicationRequested;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalogue's metadata in udata's words (opendatateam/udata: {@code core/dataset/forms.py} DatasetForm,
 * {@code constants.py} UpdateFrequency, {@code core/spatial} GeoZones ids, {@code forms/fields.py} TagField), checked
 * before anything is sent. Sent: title, description, licence, frequency, tags, temporal coverage, spatial zones and
 * granularity, {@code private}; on the resource, the schema {@code {name, version}}. Not sent: the theme (udata has
 * none), the contact (a udata contact point is an object of the organisation, made on data.gouv.fr).
 */
final class UdataMetadata {

    static final String PORTAL = "data.gouv.fr (udata)";

    /** Passerelle's licence ids → udata's (data.gouv.fr's licence list). */
    static final Map<String, String> LICENCES = Map.of(
            "etalab-2.0", "lov2", "odbl", "odc-odbl", "cc-by-4.0", "cc-by", "cc-by-sa-4.0", "cc-by-sa",
            "cc0-1.0", "cc-zero");
    /** Passerelle's frequencies → udata's UpdateFrequency ids (its current vocabulary, after the EU's). */
    static final Map<String, String> FREQUENCIES = Map.of(
            "continuous", "continuous", "daily", "daily", "weekly", "weekly", "monthly", "monthly",
            "quarterly", "quarterly", "annual", "annual", "irregular", "irregular", "unknown", "unknown");
    /** udata refuses a tag shorter or longer (TAG_MIN_LENGTH, TAG_MAX_LENGTH of its settings). */
    static final int TAG_MIN = 3;
    static final int TAG_MAX = 96;

    private UdataMetadata() {
    }

    /**
     * The dataset as {@code POST /datasets/} and {@code PUT /datasets/{id}/} take it.
     *
     * @param isPrivate true while the resource and its schema are not in place: a draft nobody else sees
     * @throws RemoteFailure naming, in French, every value udata would refuse; nothing is sent then
     */
    static ObjectNode dataset(RemoteTarget target, PublicationRequested request, boolean isPrivate) throws RemoteFailure {
        DatasetMetadata metadata = request.metadata();
        MetadataProblems problems = new MetadataProblems(PORTAL);
        ObjectNode body = RemoteHttp.JSON.createObjectNode();
        body.put("title", metadata == null || metadata.title() == null ? request.dataset() : metadata.title());
        body.put("description", metadata == null || metadata.description() == null
                ? "Jeu de données « " + request.dataset() + " » publié avec Passerelle." : metadata.description());
        body.put("organization", target.remoteOrganization());
        body.put("private", isPrivate);
        if (metadata != null) {
            if (metadata.licence() != null) {
                String licence = LICENCES.get(metadata.licence());
                if (licence == null) {
                    problems.add("la licence « " + metadata.licence() + " » n'a pas d'équivalent sur data.gouv.fr");
                }
                body.put("license", licence);
            }
            String frequency = metadata.frequency() == null ? "unknown" : FREQUENCIES.get(metadata.frequency());
            if (frequency == null) {
                problems.add("la fréquence « " + metadata.frequency() + " » n'est pas dans la liste de data.gouv.fr");
            }
            body.put("frequency", frequency);
            ArrayNode tags = body.putArray("tags");
            for (String keyword : metadata.keywords() == null ? List.<String>of() : metadata.keywords()) {
                String tag = keyword == null ? "" : keyword.strip();
                if (tag.length() < TAG_MIN || tag.length() > TAG_MAX) {
                    problems.add("le mot-clé « " + tag + " » doit faire entre " + TAG_MIN + " et " + TAG_MAX
                            + " caractères sur data.gouv.fr");
                }
                tags.add(tag);
            }
            temporalCoverage(metadata, problems).ifPresent(range -> body.set("temporal_coverage", range));
            spatial(metadata.spatial(), problems).ifPresent(spatial -> body.set("spatial", spatial));
        }
        problems.throwIfAny();
        return body;
    }

    /** The resource's metadata for {@code PUT /datasets/{id}/resources/{rid}/}: its title and, if any, its schema. */
    static ObjectNode resource(PublicationRequested request) {
        ObjectNode body = RemoteHttp.JSON.createObjectNode();
        body.put("title", request.dataset() + ".csv");
        CatalogueSchema schema = request.catalogueSchema();
        if (schema != null) {
            ObjectNode declared = body.putObject("schema");
            declared.put("name", schema.name());
            if (schema.version() != null) {
                declared.put("version", schema.version());
            }
        }
        return body;
    }

    /** {@code {start, end}}, ISO dates; udata's DateRangeField needs a start. */
    static java.util.Optional<ObjectNode> temporalCoverage(DatasetMetadata metadata, MetadataProblems problems) {
        if (metadata.temporalStart() == null) {
            if (metadata.temporalEnd() != null) {
                problems.add("la couverture temporelle n'a pas de début (data.gouv.fr en exige un)");
            }
            return java.util.Optional.empty();
        }
        ObjectNode range = RemoteHttp.JSON.createObjectNode();
        range.put("start", metadata.temporalStart().toString());
        if (metadata.temporalEnd() != null) {
            range.put("end", metadata.temporalEnd().toString());
        }
        return java.util.Optional.of(range);
    }

    /**
     * {@code {zones: ["fr:commune:38185", …], granularity: "fr:commune"}}: GeoZones ids ({@code level:code}, lower
     * case as udata's geoids.parse writes them), the granularity being the finest level given.
     */
    static java.util.Optional<ObjectNode> spatial(List<String> codes, MetadataProblems problems) {
        if (codes == null || codes.isEmpty()) {
            return java.util.Optional.empty();
        }
        ObjectNode spatial = RemoteHttp.JSON.createObjectNode();
        ArrayNode zones = spatial.putArray("zones");
        List<String> levels = new ArrayList<>();
        for (String code : codes) {
            var zone = InseeZone.of(code);
            if (zone.isEmpty()) {
                problems.add("« " + code + " » n'est pas un code INSEE que data.gouv.fr connaisse (commune, département"
                        + " ou région)");
                continue;
            }
            zones.add(zoneId(zone.get()));
            levels.add(zone.get().level());
        }
        InseeZone.LEVELS.stream().filter(levels::contains).findFirst()
                .ifPresent(level -> spatial.put("granularity", "fr:" + level));
        return java.util.Optional.of(spatial);
    }

    static String zoneId(InseeZone zone) {
        return "fr:" + zone.level() + ":" + zone.code().toLowerCase(java.util.Locale.ROOT);
    }

    /** What udata refused, in French, from the field names of its 400 ({@code {"errors": {"spatial": …}}}). */
    static String refusedWhat(JsonNode answer) {
        JsonNode errors = answer.path("errors");
        List<String> what = new ArrayList<>();
        Map<String, String> names = Map.of("spatial", "la couverture spatiale (zone inconnue de data.gouv.fr)",
                "schema", "le schéma déclaré (absent du catalogue de schema.data.gouv.fr à cette version)",
                "frequency", "la fréquence de mise à jour", "license", "la licence",
                "temporal_coverage", "la couverture temporelle", "tags", "les mots-clés", "title", "le titre",
                "organization", "l'organisation (vérifiez son identifiant)");
        errors.fieldNames().forEachRemaining(field -> what.add(names.getOrDefault(field, "le champ « " + field + " »")));
        return what.isEmpty() ? null : String.join(", ", what);
    }
}
