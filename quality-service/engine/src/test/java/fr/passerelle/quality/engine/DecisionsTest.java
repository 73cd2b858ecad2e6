package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.decision.AppliedDecision;
import fr.passerelle.quality.engine.decision.Decision;
import fr.passerelle.quality.engine.decision.DecisionChoice;
import fr.passerelle.quality.engine.decision.DecisionKind;
import fr.passerelle.quality.engine.decision.RememberedDecision;
import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The questions a file leaves to a person, their stable ids, and the decisions remembered for the next files. */
class DecisionsTest {

    private static final TableSchema PLACES = TestSchemas.parse("""
            {"name": "lieux", "title": "Lieux", "fields": [
              {"name": "nom", "type": "string", "constraints": {"required": true}},
              {"name": "adresse", "type": "string"},
              {"name": "ouverture", "type": "date"}]}
            """);

    @TempDir
    Path dir;

    private record Run(QualityReport report, String clean) {

        Decision question(String id) {
            return report.decisions().stream().filter(d -> d.id().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no question " + id + " in " + report.decisions()));
        }

        List<String> ids() {
            return report.decisions().stream().map(Decision::id).toList();
        }
    }

    private Run run(String content, Locale locale, RememberedDecision... decisions) throws IOException {
        Path file = Files.createTempFile(dir, "raw-", ".csv");
        Files.writeString(file, content);
        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        QualityReport report = QualityCheck.of(PLACES).withOptions(ReadOptions.defaults().withLocale(locale)).withFixes()
                .withPrivacyDecisions(Map.of(), "sel du jeu").withDecisions(List.of(decisions)).run(file, clean);
        return new Run(report, clean.toString(StandardCharsets.UTF_8));
    }

    private Run run(String content, RememberedDecision... decisions) throws IOException {
        return run(content, Locale.FRANCE, decisions);
    }

    private static final String WITH_EMAILS = """
            nom;adresse;Courriel du contact
            Médiathèque;1 rue Haute;jean.dupont@gmail.com
            Piscine;2 rue Basse;marie.durand@orange.fr
            """;

    @Test
    void aPersonalDataColumnIsAQuestionWithTheFourActionsAndAnIdFromItsLabel() throws IOException {
        Run run = run(WITH_EMAILS);

        assertEquals(Verdict.BLOCKED, run.report.verdict());
        Decision question = run.question("donnees-personnelles.courriel-du-contact");
        assertEquals(DecisionKind.PERSONAL_DATA, question.kind());
        assertEquals("Courriel du contact", question.subject());
        assertEquals(List.of("supprimer", "masquer", "hacher", "publique"),
                question.choices().stream().map(DecisionChoice::value).toList());
        assertTrue(question.question().endsWith("Que faire de la colonne « Courriel du contact » avant publication ?"),
                question.question());
        // Another file of the dataset with the same column: the same question, the same id.
        Run next = run(WITH_EMAILS.replace("Piscine;2 rue Basse;marie.durand@orange.fr", "Stade;3 rue Neuve;a.b@free.fr"));
        assertEquals(run.ids(), next.ids());
    }

    @Test
    void aRememberedSupprimerUnblocksWithoutAnExtraColumnErrorAndIsSaidApplied() throws IOException {
        Run run = run(WITH_EMAILS, new RememberedDecision("donnees-personnelles.courriel-du-contact",
                DecisionKind.PERSONAL_DATA, "Courriel du contact", "supprimer"));

        assertEquals(Verdict.VALID, run.report.verdict(), run.report::toString);
        assertEquals(0, run.report.errorCount(), () -> run.report.samples().toString());
        assertFalse(run.clean.contains("dupont"), run.clean);
        assertEquals(List.of(), run.report.decisions(), "nothing left to ask");
        AppliedDecision applied = run.report.rememberedDecisions().get(0);
        assertTrue(applied.applied());
        assertEquals("Colonne « Courriel du contact » supprimée, selon la décision mémorisée sur ses données personnelles.",
                applied.message());
    }

    @Test
    void aRememberedDecisionAboutAColumnTheFileNoLongerHasIsANoteNotABlock() throws IOException {
        Run run = run("nom;adresse\nMédiathèque;1 rue Haute\n", new RememberedDecision(
                "donnees-personnelles.courriel-du-contact", DecisionKind.PERSONAL_DATA, "Courriel du contact", "masquer"),
                new RememberedDecision("colonne.localisation", DecisionKind.COLUMN, "Localisation", "adresse"));

        assertEquals(Verdict.VALID, run.report.verdict(), run.report::toString);
        assertEquals(0, run.report.errorCount());
        assertEquals(List.of(false, false), run.report.rememberedDecisions().stream().map(AppliedDecision::applied).toList());
        assertTrue(run.report.rememberedDecisions().get(0).message().contains("il n'a plus cette colonne"),
                run.report.rememberedDecisions().get(0).message());
        assertTrue(run.report.warnings().stream().anyMatch(w -> w.code() == ErrorCode.PRIVACY_DECISION),
                run.report.warnings()::toString);
    }

    @Test
    void aColumnNoFieldMatchesIsAMappingQuestionAndItsAnswerFeedsTheField() throws IOException {
        String file = "nom;Emplacement précis\nMédiathèque;1 rue Haute\n";
        Run asked = run(file);
        Decision question = asked.question("colonne.emplacement-precis");
        assertEquals(List.of("adresse", "ouverture", "ignorer"), question.choices().stream().map(DecisionChoice::value).toList());

        Run decided = run(file, new RememberedDecision("colonne.emplacement-precis", DecisionKind.COLUMN, "Emplacement précis", "adresse"));

        assertEquals(List.of("nom,adresse,ouverture", "Médiathèque,1 rue Haute,"), decided.clean.lines().toList());
        assertFalse(decided.ids().contains("colonne.emplacement-precis"));
        assertEquals("Colonne « Emplacement précis » associée au champ « adresse », selon la décision mémorisée.",
                decided.report.rememberedDecisions().get(0).message());
    }

    @Test
    void datesNothingSettlesAreAQuestionAndTheRememberedOrderReadsThem() throws IOException {
        String file = "nom;ouverture\nA;01/02/2021\nB;03/04/2021\n";
        Run asked = run(file, Locale.ROOT);
        assertEquals(List.of("jour-mois", "mois-jour"), asked.question("ordre-des-dates.ouverture").choices().stream()
                .map(DecisionChoice::value).toList());

        Run decided = run(file, Locale.ROOT, new RememberedDecision("ordre-des-dates.ouverture", DecisionKind.DATE_ORDER,
                "ouverture", "mois-jour"));

        assertEquals(List.of("A,,2021-01-02", "B,,2021-03-04"), decided.clean.lines().skip(1).toList());
        assertEquals(Verdict.VALID, decided.report.verdict(), decided.report::toString);
        assertTrue(decided.report.decisions().isEmpty(), decided.report.decisions()::toString);
        assertTrue(decided.report.rememberedDecisions().get(0).applied());
    }

    @Test
    void nearDuplicatesAreOneQuestionAndSupprimerDropsThem() throws IOException {
        String file = """
                nom;adresse
                Parking de la Gare;1 av. Foch
                Mairie;2 place Carnot
                PARKING DE LA GARE;1 Avenue Foch
                """;
        Run asked = run(file);
        assertEquals(List.of("garder", "supprimer"), asked.question("quasi-doublons").choices().stream()
                .map(DecisionChoice::value).toList());

        Run dropped = run(file, new RememberedDecision("quasi-doublons", DecisionKind.NEAR_DUPLICATES, null, "supprimer"));
        Run kept = run(file, new RememberedDecision("quasi-doublons", DecisionKind.NEAR_DUPLICATES, null, "garder"));

        assertEquals(2, dropped.report.rowCount());
        assertTrue(dropped.report.fixes().stream().anyMatch(fix -> fix.code().equals("near-duplicate-dropped")));
        assertEquals(3, kept.report.rowCount());
        assertTrue(kept.report.decisions().isEmpty() && dropped.report.decisions().isEmpty());
        assertTrue(kept.report.suggestions().isEmpty(), "kept without asking again");
    }

    @Test
    void aRememberedMappingToAFieldTheSchemaLacksIsSetAsideNotAnError() throws IOException {
        Run run = run("nom;Localisation\nMédiathèque;1 rue Haute\n",
                new RememberedDecision("colonne.localisation", DecisionKind.COLUMN, "Localisation", "adresse_postale"));

        assertEquals(Verdict.VALID, run.report.verdict(), run.report::toString);
        assertFalse(run.report.rememberedDecisions().get(0).applied());
        assertTrue(run.report.rememberedDecisions().get(0).message().contains("n'a pas de champ « adresse_postale »"));
    }
}
