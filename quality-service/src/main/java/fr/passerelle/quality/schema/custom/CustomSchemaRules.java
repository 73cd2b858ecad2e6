package fr.passerelle.quality.schema.custom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.platform.web.ApiError;
import fr.passerelle.quality.engine.schema.PatternSyntax;
import fr.passerelle.quality.engine.schema.TableSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a schema written by staff must be before it is stored. The engine reads national schemas leniently (an
 * unknown type or a pattern it cannot compile is skipped, so good files are not rejected for a schema's bug);
 * an organisation's own schema is held to the letter instead, and every problem is named at once, in French.
 * Whether the name is taken by a national schema is the registry's to say.
 */
public final class CustomSchemaRules {

    /** The largest schema accepted: national ones weigh tens of kilobytes. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** A schema over {@link #MAX_BYTES}, refused by its declared length or by its bytes. */
    public static final ApiError TOO_LARGE = new ApiError("schema-too-large", "Le schéma dépasse 1 Mo.",
            "Un schéma décrit les colonnes, pas les données : retirez les longues listes d'exemples.");
    /** The same rule as organisation and dataset identifiers. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    /** The types of the Table Schema specification. */
    static final List<String> TYPES = List.of("string", "number", "integer", "boolean", "object", "array", "date",
            "time", "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CustomSchemaRules() {
    }

    /**
     * A checked schema: the engine's reading, and the name under which it is stored.
     *
     * @param json the text as uploaded, kept as is (title, descriptions and all) for {@code GET}
     */
    public record Checked(String name, TableSchema schema, String json) {
    }

    /** Every problem found, in French; never empty. */
    public static final class InvalidCustomSchema extends Exception {

        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        InvalidCustomSchema(List<String> problems) {
            super(String.join(" ; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * @param expectedName the name in the path of a new version ({@code PUT}), or null for a new schema; a body
     *                     without {@code name} takes it
     * @throws InvalidCustomSchema listing every problem found
     */
    public static Checked check(byte[] body, String expectedName)
            throws InvalidCustomSchema {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidCustomSchema(List.of("le corps n'est pas un JSON valide (ligne "
                    + e.getLocation().getLineNr() + ", colonne " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new InvalidCustomSchema(List.of("le corps n'a pas pu être lu"));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCustomSchema(List.of("un schéma Table Schema est un objet JSON ({…})"));
        }
        List<String> problems = new ArrayList<>();
        String name = name(root, expectedName, problems);
        fields(root.path("fields"), problems);
        JsonNode missing = root.path("missingValues");
        if (!missing.isMissingNode() && !(missing.isArray() && allText(missing))) {
            problems.add("« missingValues » doit être une liste de textes");
        }
        if (!problems.isEmpty()) {
            throw new InvalidCustomSchema(problems);
        }
        try {
            TableSchema schema = TableSchema.parse(new ByteArrayInputStream(body)).withName(name);
            return new Checked(name, schema, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // What the engine refuses beyond the checks above (keys naming unknown fields…): its words are technical.
            throw new InvalidCustomSchema(List.of("le moteur de contrôle ne peut pas utiliser ce schéma ("
                    + e.getMessage() + ")"));
        }
    }

    private static String name(JsonNode root, String expectedName, List<String> problems) {
        JsonNode node = root.path("name");
        String name = node.isTextual() ? node.textValue() : null;
        if (name == null && expectedName != null) {
            return expectedName;
        }
        if (name == null || !SLUG.matcher(name).matches()) {
            problems.add("le nom du schéma (« name ») doit être un identifiant en minuscules sans accent, chiffres"
                    + " et tirets, par exemple « bornes-fontaines »" + (name == null ? "" : " ; reçu : « "
                    + abbreviate(name) + " »"));
            return expectedName;
        }
        if (expectedName != null && !expectedName.equals(name)) {
            problems.add("le nom du schéma « " + name + " » diffère de celui de l'adresse, « " + expectedName + " »");
        }
        return name;
    }

    private static void fields(JsonNode fields, List<String> problems) {
        if (!fields.isArray() || fields.isEmpty()) {
            problems.add("le schéma doit décrire ses colonnes dans une liste « fields » non vide");
            return;
        }
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode field : fields) {
            index++;
            if (!field.isObject()) {
                problems.add("la colonne n° " + index + " de « fields » doit être un objet JSON");
                continue;
            }
            String fieldName = field.path("name").isTextual() ? field.path("name").textValue().strip() : "";
            String label = fieldName.isEmpty() ? "n° " + index : "« " + abbreviate(fieldName) + " »";
            if (fieldName.isEmpty()) {
                problems.add("la colonne n° " + index + " n'a pas de nom (« name »)");
            } else if (!seen.add(fieldName)) {
                problems.add("la colonne « " + abbreviate(fieldName) + " » est décrite deux fois");
            }
            JsonNode type = field.path("type");
            if (!type.isMissingNode() && !(type.isTextual() && TYPES.contains(type.textValue()))) {
                problems.add("la colonne " + label + " a un type inconnu « " + abbreviate(type.asText()) + " »"
                        + " (types possibles : " + String.join(", ", TYPES) + ")");
            }
            constraints(field.path("constraints"), label, problems);
        }
    }

    private static void constraints(JsonNode constraints, String label, List<String> problems) {
        if (constraints.isMissingNode()) {
            return;
        }
        if (!constraints.isObject()) {
            problems.add("les contraintes de la colonne " + label + " doivent être un objet JSON");
            return;
        }
        JsonNode pattern = constraints.path("pattern");
        if (!pattern.isMissingNode()) {
            if (!pattern.isTextual()) {
                problems.add("le motif (« pattern ») de la colonne " + label + " doit être un texte");
            } else {
                PatternSyntax.problem(pattern.textValue()).ifPresent(why -> problems.add("le motif de la colonne "
                        + label + " n'est pas une expression régulière valide : « " + abbreviate(pattern.textValue())
                        + " » (" + why + ")"));
            }
        }
        JsonNode values = constraints.path("enum");
        if (!values.isMissingNode() && !(values.isArray() && !values.isEmpty())) {
            problems.add("la liste de valeurs permises (« enum ») de la colonne " + label + " doit être une liste non vide");
        }
        for (String bound : List.of("minLength", "maxLength")) {
            JsonNode length = constraints.path(bound);
            if (!length.isMissingNode() && !(length.canConvertToInt() && length.isIntegralNumber() && length.intValue() >= 0)) {
                problems.add("« " + bound + " » de la colonne " + label + " doit être un entier positif");
            }
        }
        JsonNode required = constraints.path("required");
        if (!required.isMissingNode() && !required.isBoolean()) {
            problems.add("« required » de la colonne " + label + " doit valoir true ou false");
        }
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
