package fr.passerelle.quality.schema.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.quality.schema.ShippedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomSchemaRulesTest {

    private static final String VALID = """
            {"name": "bornes-fontaines", "title": "Bornes fontaines", "fields": [
              {"name": "identifiant", "type": "string", "constraints": {"required": true, "pattern": "^BF-[0-9]+$"}},
              {"name": "debit_l_min", "type": "integer", "constraints": {"minimum": 0}}
            ]}""";

    @Test
    void aValidSchemaIsReadByTheEngineAndKeptAsWritten() throws Exception {
        CustomSchemaRules.Checked checked = CustomSchemaRules.check(bytes(VALID), null);
        assertEquals("bornes-fontaines", checked.name());
        assertEquals("Bornes fontaines", checked.schema().title());
        assertEquals(List.of("identifiant", "debit_l_min"), checked.schema().fieldNames());
        assertEquals(VALID, checked.json());
    }

    @Test
    void aNationalSchemaPassesTheRules() throws Exception {
        byte[] national = ShippedFiles.read("lieux-stationnement/schema.json");
        assertTrue(CustomSchemaRules.check(national, "mon-stationnement").schema().fields().size() > 10);
    }

    @Test
    void everyProblemIsNamedAtOnceInFrench() {
        String bad = """
                {"name": "Mes Bornes", "fields": [
                  {"name": "identifiant", "type": "texte"},
                  {"name": "code", "constraints": {"pattern": "([A-Z]"}},
                  {"name": "identifiant"},
                  {"type": "string"}
                ]}""";
        var refused = assertThrows(CustomSchemaRules.InvalidCustomSchema.class,
                () -> CustomSchemaRules.check(bytes(bad), null));
        List<String> problems = refused.problems();
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("« Mes Bornes »"), problems.get(0));
        assertTrue(problems.stream().anyMatch(p -> p.contains("type inconnu « texte »")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("motif de la colonne « code »")
                && p.contains("n'est pas une expression régulière valide")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("« identifiant » est décrite deux fois")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("colonne n° 4 n'a pas de nom")), problems.toString());
    }

    @Test
    void pythonSpellingOfNamedGroupsIsAccepted() throws Exception {
        String python = VALID.replace("^BF-[0-9]+$", "^(?P<prefixe>BF)-[0-9]+$");
        assertEquals("bornes-fontaines", CustomSchemaRules.check(bytes(python), null).name());
    }

    @Test
    void notJsonNoFieldsAndNoNameAreRefused() {
        assertTrue(message("{\"name\": \"x\",").contains("n'est pas un JSON valide"));
        assertTrue(message("[1, 2]").contains("objet JSON"));
        assertTrue(message("{\"name\": \"vide\", \"fields\": []}").contains("liste « fields » non vide"));
        assertTrue(message("{\"fields\": [{\"name\": \"a\"}]}").contains("nom du schéma"));
    }

    @Test
    void aNewVersionTakesThePathNameAndMayNotRenameTheSchema() throws Exception {
        String unnamed = "{\"fields\": [{\"name\": \"a\"}]}";
        assertEquals("mes-bornes", CustomSchemaRules.check(bytes(unnamed), "mes-bornes").schema().name());
        var renamed = assertThrows(CustomSchemaRules.InvalidCustomSchema.class,
                () -> CustomSchemaRules.check(bytes(VALID), "mes-bornes"));
        assertTrue(renamed.getMessage().contains("diffère de celui de l'adresse"), renamed.getMessage());
    }

    @Test
    void whatOnlyTheEngineChecksIsStillRefused() {
        String badKey = "{\"name\": \"cles\", \"fields\": [{\"name\": \"a\"}], \"primaryKey\": \"b\"}";
        assertTrue(message(badKey).contains("le moteur de contrôle ne peut pas utiliser ce schéma"), message(badKey));
    }

    private static String message(String json) {
        return assertThrows(CustomSchemaRules.InvalidCustomSchema.class,
                () -> CustomSchemaRules.check(bytes(json), null)).getMessage();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
