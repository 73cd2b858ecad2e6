package fr.passerelle.catalog.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.passerelle.platform.web.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a metadata body itself, so that a wrong value is refused naming its field in French (a date that is
 * no date, keywords sent as one text…) instead of the framework's bare 400.
 */
public final class MetadataJson {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final String DATE = "une date au format AAAA-MM-JJ, par exemple « 2024-01-31 »";
    private static final String TEXTS = "une liste de textes, par exemple [\"vélo\", \"stationnement\"]";
    private static final String TEXT = "un texte entre guillemets";

    /** Each field: its French name and what it must be. */
    private static final Map<String, String[]> FIELDS = Map.ofEntries(
            Map.entry("title", new String[] {"le titre", TEXT}),
            Map.entry("description", new String[] {"la description", TEXT}),
            Map.entry("keywords", new String[] {"les mots-clés", TEXTS}),
            Map.entry("theme", new String[] {"la thématique", TEXT}),
            Map.entry("licence", new String[] {"la licence", TEXT}),
            Map.entry("frequency", new String[] {"la fréquence", TEXT}),
            Map.entry("temporalStart", new String[] {"le début de la couverture temporelle", DATE}),
            Map.entry("temporalEnd", new String[] {"la fin de la couverture temporelle", DATE}),
            Map.entry("spatial", new String[] {"la couverture géographique",
                    "une liste de codes INSEE, par exemple [\"38185\", \"38\"]"}),
            Map.entry("contactName", new String[] {"le nom du contact", TEXT}),
            Map.entry("contactEmail", new String[] {"l'adresse de contact", TEXT}),
            Map.entry("alwaysAsk", new String[] {"le réglage « toujours demander »", "true ou false"}),
            Map.entry("updatedBy", new String[] {"l'auteur", TEXT}));

    private MetadataJson() {
    }

    /** The update in {@code body}; a French 400 naming the field when a value has the wrong form. */
    public static MetadataUpdate read(byte[] body) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw missing();
        }
        MetadataUpdate update;
        java.util.Set<String> cleared = new java.util.HashSet<>();
        try {
            com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(body);
            if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                // What to empty is said by a null, never by a "cleared" of the body's own.
                object.remove("cleared");
                MetadataUpdate.CLEARABLE.stream().filter(field -> object.has(field) && object.get(field).isNull())
                        .forEach(cleared::add);
            }
            update = tree == null || tree.isMissingNode() ? null : JSON.treeToValue(tree, MetadataUpdate.class);
        } catch (MismatchedInputException e) {
            throw wrongValue(e);
        } catch (JsonMappingException e) {
            // A date that parses as text but is no date (2024-13-45) ends here, still tied to its field.
            throw e.getPath().isEmpty() ? unreadable() : wrongValue(e);
        } catch (JsonProcessingException e) {
            throw unreadable();
        } catch (IOException e) {
            throw unreadable();
        }
        if (update == null) {
            throw missing();
        }
        return update.clearing(cleared);
    }

    private static ApiException wrongValue(JsonMappingException e) {
        if (e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null) {
            // The body itself has the wrong shape: a list or a text instead of an object. The same code as an
            // unreadable body on every JSON endpoint of the platform.
            return ApiException.badRequest("invalid-json", "Les métadonnées doivent être un objet JSON.",
                    "Envoyez par exemple {\"title\": \"Stationnements vélo\", \"keywords\": [\"vélo\"]}.");
        }
        String field = e.getPath().get(0).getFieldName();
        String[] known = FIELDS.getOrDefault(field, new String[] {"« " + field + " »", "une valeur d'un autre type"});
        String name = known[0];
        return ApiException.badRequest("invalid-metadata-" + field,
                Character.toUpperCase(name.charAt(0)) + name.substring(1) + " (" + field + ") n'a pas la forme attendue.",
                "Attendu : " + known[1] + ".");
    }

    private static ApiException unreadable() {
        return ApiException.badRequest("invalid-json", "Les métadonnées envoyées ne sont pas un JSON lisible.",
                "Envoyez un objet JSON, par exemple {\"title\": \"Stationnements vélo\", \"temporalStart\": \"2024-01-01\"}.");
    }

    private static ApiException missing() {
        return ApiException.badRequest("metadata-required", "Aucune métadonnée n'a été envoyée.",
                "Envoyez un objet JSON, par exemple {\"title\": \"Stationnements vélo\"}.");
    }
}
