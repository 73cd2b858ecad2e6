package fr.passerelle.quality.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.quality.engine.privacy.PersonalDataFinding;
import fr.passerelle.quality.engine.privacy.PersonalDataKind;
import fr.passerelle.quality.engine.privacy.PrivacyAction;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The personal-data guard through {@link QualityCheck}: what blocks a file, and what each decision does to the clean CSV. */
class PersonalDataGuardTest {

    /** A directory of facilities: an e-mail and a phone the schema expects, free observations. */
    private static final TableSchema ANNUAIRE = TestSchemas.parse("""
            {
              "name": "annuaire",
              "title": "Annuaire des équipements",
              "fields": [
                {"name": "id", "type": "string", "constraints": {"required": true}},
                {"name": "equipement", "type": "string"},
                {"name": "contact", "type": "string", "description": "Qui joindre"},
                {"name": "standard", "type": "string"},
                {"name": "observations", "type": "string"}
              ]
            }
            """);
    private static final String HEADER = "id,equipement,contact,standard,observations";

    @TempDir
    Path dir;

    @Test
    void functionalAddressesAndSwitchboardsInTheSchemasFieldsAreNotPersonalData() throws IOException {
        Run run = run(HEADER + """

                E1,Médiathèque,accueil.mediatheque@ville-exemple.fr,01 23 45 67 89,Ouverte le samedi
                E2,Piscine,contact@agglo-exemple.fr,+33 4 76 12 34 56,
                E3,Mairie annexe,mairie@gmail.com,09 87 65 43 21,Accès PMR
                """, Map.of(), null);

        assertEquals(Verdict.VALID, run.report.verdict(), run.report::toString);
        assertEquals(List.of(), run.report.personalData());
        assertFalse(run.report.summary().contains("bloquée"), run.report.summary());
    }

    @Test
    void aPersonsAddressInTheSchemasEmailFieldBlocksTheFile() throws IOException {
        Run run = run(HEADER + """

                E1,Médiathèque,jean.dupont@ville-exemple.fr,01 23 45 67 89,
                E2,Piscine,contact@agglo-exemple.fr,01 23 45 67 80,
                E3,Stade,marie.durand@gmail.com,01 23 45 67 81,
                """, Map.of(), null);

        assertEquals(Verdict.BLOCKED, run.report.verdict());
        assertEquals(0, run.report.errorCount());
        PersonalDataFinding finding = only(run.report);
        assertEquals("contact", finding.column());
        assertEquals("contact", finding.field());
        assertEquals(PersonalDataKind.EMAIL, finding.kind());
        assertEquals(2, finding.count());
        assertEquals(List.of("j***@ville-exemple.fr", "m***@gmail.com"), finding.samples());
        assertNull(finding.decision());
        assertEquals("La colonne « contact » contient 2 adresses électroniques de personnes (par exemple "
                + "« j***@ville-exemple.fr », « m***@gmail.com »).", finding.message());
        assertTrue(finding.hint().contains("« supprimer », « masquer » ou « hacher »"), finding.hint());
        assertTrue(run.report.summary().endsWith("Publication bloquée : des données personnelles ont été trouvées dans "
                + "la colonne « contact ». Avant publication, choisissez pour cette colonne « supprimer », « masquer » "
                + "ou « hacher » (remplacer chaque valeur par une empreinte), ou confirmez que ces données sont "
                + "« publiques »."), run.report.summary());
    }

    @Test
    void mobilesBlockWhenTheyOutnumberSwitchboardsInTheSchemasPhoneField() throws IOException {
        Run fewMobiles = run(HEADER + """

                E1,Médiathèque,,01 23 45 67 89,
                E2,Piscine,,06 12 34 56 78,
                E3,Stade,,04 76 00 00 00,
                """, Map.of(), null);
        Run mostlyMobiles = run(HEADER + """

                E1,Médiathèque,,06 12 34 56 78,
                E2,Piscine,,07.98.76.54.32,
                E3,Stade,,04 76 00 00 00,
                """, Map.of(), null);

        assertEquals(Verdict.VALID, fewMobiles.report.verdict(), fewMobiles.report::toString);
        assertEquals(Verdict.BLOCKED, mostlyMobiles.report.verdict());
        PersonalDataFinding finding = only(mostlyMobiles.report);
        assertEquals(PersonalDataKind.PHONE, finding.kind());
        assertEquals("standard", finding.column());
        assertEquals(2, finding.count());
        assertEquals(List.of("06 •• •• •• 78", "07 •• •• •• 32"), finding.samples());
    }

    @Test
    void aMobileInAColumnTheSchemaDoesNotExpectBlocksEvenAlone() throws IOException {
        Run run = run(HEADER + ",tel_referent\n"
                + "E1,Médiathèque,,01 23 45 67 89,,01 23 45 67 00\n"
                + "E2,Piscine,,01 23 45 67 80,,+33 6 11 22 33 44\n"
                + "E3,Stade,,01 23 45 67 81,,01 23 45 67 02\n", Map.of(), null);

        assertEquals(Verdict.BLOCKED, run.report.verdict());
        PersonalDataFinding finding = only(run.report);
        assertEquals("tel_referent", finding.column());
        assertNull(finding.field());
        assertEquals(1, finding.count());
        assertTrue(finding.message().startsWith("La colonne « tel_referent », que le schéma ne prévoit pas, contient 1 "
                + "numéro de téléphone mobile (par exemple « 06 •• •• •• 44 »)."), finding.message());
        // The unexpected column is blocked, yet never written to the clean file.
        assertEquals("E2,Piscine,,01 23 45 67 80,", run.cleanLines().get(2));
        // Also named as a column left out of the published file.
        assertEquals(List.of("tel_referent"), run.report.warnings().stream()
                .filter(warning -> warning.code() == ErrorCode.EXTRA_LABEL).map(warning -> warning.field()).toList());
    }

    @Test
    void aColumnWithoutANameIsScannedAndNamedByItsPosition() throws IOException {
        Run run = run(HEADER + ",,remarque\nE1,Médiathèque,,,,06 12 34 56 78,\n", Map.of(), null);

        assertEquals(Verdict.BLOCKED, run.report.verdict(), run.report::toString);
        assertEquals("n°6 (sans nom)", only(run.report).column());
        assertEquals(1L, run.report.errorsByCode().get(ErrorCode.BLANK_LABEL.code()));
    }

    @Test
    void cellsPastTheLastColumnAreScannedToo() throws IOException {
        Run run = run(HEADER + "\nE1,Médiathèque,,,,jean.dupont@gmail.com\n", Map.of(), null);

        assertEquals(Verdict.BLOCKED, run.report.verdict(), run.report::toString);
        assertEquals("cellules au-delà de la dernière colonne", only(run.report).column());
        assertEquals(1L, run.report.errorsByCode().get(ErrorCode.EXTRA_CELL.code()));
    }

    @Test
    void aMobileInsideFreeTextIsFoundToo() throws IOException {
        Run run = run(HEADER + """

                E1,Médiathèque,,,Clés chez M. Martin : 06 12 34 56 78
                """, Map.of(), null);

        assertEquals(Verdict.BLOCKED, run.report.verdict());
        assertEquals("observations", only(run.report).column());
    }

    @Test
    void nirsAreFlaggedOnlyWithTheirRightKey() throws IOException {
        Run right = run(HEADER + ",matricule\nE1,Médiathèque,,,,1 85 05 78 006 084 91\nE2,Stade,,,,2 93 03 75 120 005 43\n",
                Map.of(), null);
        Run wrongKeys = run(HEADER + ",matricule\nE1,Médiathèque,,,,1 85 05 78 006 084 92\nE2,Stade,,,,2 93 03 75 120 005 44\n",
                Map.of(), null);

        PersonalDataFinding finding = only(right.report);
        assertEquals(PersonalDataKind.NIR, finding.kind());
        assertEquals(2, finding.count());
        assertEquals(List.of("1 •• •• •• ••• ••• ••", "2 •• •• •• ••• ••• ••"), finding.samples());
        assertEquals(List.of(), wrongKeys.report.personalData());
        assertEquals(Verdict.VALID, wrongKeys.report.verdict(), "an unknown column without personal data is left out");
    }

    @Test
    void ibansAreFlaggedOnlyWithTheirRightCheckDigits() throws IOException {
        Run right = run(HEADER + """

                E1,Médiathèque,,,FR76 3000 6000 0112 3456 7890 189
                E2,Stade,,,DE89370400440532013000
                """, Map.of(), null);
        Run wrong = run(HEADER + """

                E1,Médiathèque,,,FR76 3000 6000 0112 3456 7890 188
                """, Map.of(), null);

        PersonalDataFinding finding = only(right.report);
        assertEquals(PersonalDataKind.IBAN, finding.kind());
        assertEquals("observations", finding.column());
        assertEquals(2, finding.count());
        assertEquals(List.of("FR76 •••• •••• 189", "DE89 •••• •••• 000"), finding.samples());
        assertEquals(Verdict.VALID, wrong.report.verdict());
    }

    @Test
    void personNameColumnsTheSchemaDoesNotExpectAreFlaggedFromTheirHeaderAndValues() throws IOException {
        Run run = run(HEADER + ",Nom de l'agent,nom_commune\n"
                + "E1,Médiathèque,,,,Jean DUPONT,Saint-Martin\n"
                + "E2,Piscine,,,,DURAND Marie-Claire,Grenoble\n"
                + "E3,Stade,,,,Mme Le Gall,Échirolles\n", Map.of(), null);

        assertEquals(Verdict.BLOCKED, run.report.verdict());
        PersonalDataFinding finding = only(run.report);
        assertEquals("Nom de l'agent", finding.column());
        assertEquals(PersonalDataKind.PERSON_NAME, finding.kind());
        assertEquals(3, finding.count());
        assertEquals(List.of("J••• D•••", "D••• M•••-C•••", "M••• L••• G•••"), finding.samples());
    }

    @Test
    void aBareNomColumnBesideFirstNamesIsOneOfSurnames() throws IOException {
        Run run = run(HEADER + ",NOM,Prénom\n"
                + "E1,Médiathèque,,,,DUPONT,Jean\n"
                + "E2,Piscine,,,,LE GALL,Sophie\n", Map.of(), null);

        assertEquals(List.of("NOM", "Prénom"), run.report.personalData().stream().map(PersonalDataFinding::column).toList());
        assertTrue(run.report.personalData().stream().allMatch(f -> f.kind() == PersonalDataKind.PERSON_NAME));
    }

    @Test
    void aColumnNamedNomHoldingFacilitiesIsNotOneOfPersons() throws IOException {
        Run run = run(HEADER + ",nom\n"
                + "E1,Médiathèque,,,,Médiathèque Jean Moulin\n"
                + "E2,Piscine,,,,REPUBLIQUE\n", Map.of(), null);

        assertEquals(List.of(), run.report.personalData());
    }

    @Test
    void dropEmptiesTheColumnInTheCleanCsvAndUnblocks() throws IOException {
        Run run = run(personalFile(), Map.of("contact", PrivacyAction.DROP, "standard", PrivacyAction.DROP), null);

        assertEquals(Verdict.VALID, run.report.verdict(), run.report::toString);
        assertEquals(List.of("E1,Médiathèque,,,Clés à l'accueil", "E2,Piscine,,,"), run.cleanLines().subList(1, 3));
        assertEquals(Map.of("contact", PrivacyAction.DROP, "standard", PrivacyAction.DROP), run.report.privacyDecisions());
        assertTrue(run.report.personalData().stream().allMatch(f -> f.decision() == PrivacyAction.DROP));
        assertTrue(run.report.summary().contains("Décisions sur les données personnelles appliquées au fichier nettoyé : "
                + "colonne « contact » supprimée, colonne « standard » supprimée."), run.report.summary());
    }

    @Test
    void maskMasksTheValuesInTheCleanCsv() throws IOException {
        Run run = run(personalFile(), Map.of("contact", PrivacyAction.MASK, "standard", PrivacyAction.MASK), null);

        assertEquals(Verdict.VALID, run.report.verdict(), run.report::toString);
        assertEquals(List.of("E1,Médiathèque,j***@gmail.com,06 •• •• •• 78,Clés à l'accueil",
                "E2,Piscine,m***@ville-exemple.fr,07 •• •• •• 32,"), run.cleanLines().subList(1, 3));
    }

    @Test
    void hashReplacesEachValueWithTheSameKeyedHashAcrossRuns() throws IOException {
        Map<String, PrivacyAction> decisions = Map.of("contact", PrivacyAction.HASH, "standard", PrivacyAction.HASH);
        Run first = run(personalFile(), decisions, "sel de l'annuaire");
        Run second = run(personalFile(), decisions, "sel de l'annuaire");
        Run otherSalt = run(personalFile(), decisions, "un autre sel");

        assertEquals(Verdict.VALID, first.report.verdict(), first.report::toString);
        String[] cells = first.cleanLines().get(1).split(",", -1);
        assertTrue(cells[2].matches("[0-9a-f]{16}"), cells[2]);
        assertTrue(cells[3].matches("[0-9a-f]{16}"), cells[3]);
        assertEquals(first.clean, second.clean);
        assertFalse(first.clean.equals(otherSalt.clean));
        assertFalse(first.clean.contains("dupont") || first.clean.contains("06 12"), first.clean);
    }

    @Test
    void hashingWithoutASaltIsRefusedInFrench() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QualityCheck.of(ANNUAIRE).withPrivacyDecisions(Map.of("contact", PrivacyAction.HASH)));
        assertTrue(e.getMessage().startsWith("Pour hacher une colonne, fournissez un sel"), e.getMessage());
    }

    @Test
    void publicKeepsTheDataAndUnblocks() throws IOException {
        Run blocked = run(personalFile(), Map.of("contact", PrivacyAction.PUBLIC), null);
        Run run = run(personalFile(), Map.of("contact", PrivacyAction.PUBLIC, "standard", PrivacyAction.PUBLIC), null);

        assertEquals(Verdict.BLOCKED, blocked.report.verdict(), "the phones are still undecided");
        assertEquals(List.of("standard"), blocked.report.personalData().stream().filter(PersonalDataFinding::blocking)
                .map(PersonalDataFinding::column).toList());
        assertEquals(Verdict.VALID, run.report.verdict(), run.report::toString);
        assertEquals("E1,Médiathèque,jean.dupont@gmail.com,06 12 34 56 78,Clés à l'accueil", run.cleanLines().get(1));
        assertEquals(2, run.report.personalData().size());
        assertEquals("Décision appliquée au fichier nettoyé : colonne déclarée publique.",
                run.report.personalData().get(0).hint());
    }

    @Test
    void aDecisionOnAColumnTheFileNoLongerHasIsAWarningNotABlock() throws IOException {
        Run run = run(personalFile(), Map.of("contact", PrivacyAction.DROP, "standard", PrivacyAction.DROP,
                "tel_agent", PrivacyAction.MASK), null);

        assertEquals(Verdict.VALID, run.report.verdict(), run.report.summary());
        assertEquals(Map.of(), run.report.errorsByCode());
        ValidationError warning = run.report.warnings().stream()
                .filter(w -> w.code() == ErrorCode.PRIVACY_DECISION).findFirst().orElseThrow();
        assertEquals("La décision « masquer » porte sur la colonne « tel_agent », absente de ce fichier : elle ne s'y "
                + "applique pas et reste enregistrée pour les fichiers suivants. Colonnes du fichier : « id », « equipement », "
                + "« contact », « standard », « observations ».", warning.message());
        assertTrue(run.report.summary().contains("la décision sur la colonne « tel_agent », absente de ce fichier, ne s'y "
                + "applique pas"), run.report.summary());
        assertFalse(run.report.privacyDecisions().containsKey("tel_agent"));
    }

    @Test
    void anInvalidFileWithPersonalDataIsBlockedAndKeepsItsErrors() throws IOException {
        Run run = run(HEADER + """

                ,Médiathèque,jean.dupont@gmail.com,,
                """, Map.of(), null);

        assertEquals(Verdict.BLOCKED, run.report.verdict());
        assertEquals(1L, run.report.errorsByCode().get(ErrorCode.CONSTRAINT_ERROR.code()));
        assertTrue(run.report.summary().startsWith("Le fichier n'est pas conforme"), run.report.summary());
        assertTrue(run.report.summary().contains("Publication bloquée"), run.report.summary());
    }

    @Test
    void anUnreadableFileIsInvalidWithoutFindings() throws IOException {
        Path raw = dir.resolve("image.csv");
        Files.write(raw, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2});

        QualityReport report = QualityCheck.of(ANNUAIRE).run(raw, OutputStream.nullOutputStream());

        assertEquals(Verdict.INVALID, report.verdict());
        assertEquals(List.of(), report.personalData());
    }

    @Test
    void theReportAndItsJsonNeverHoldTheRawValues() throws IOException {
        Run run = run(HEADER + ",nir,iban,Nom de l'agent\n"
                + "E1,Médiathèque,jean.dupont@gmail.com,06 12 34 56 78,Appeler le 07 98 76 54 32,"
                + "1 85 05 78 006 084 91,FR76 3000 6000 0112 3456 7890 189,Jean DUPONT\n", Map.of(), null);

        assertEquals(List.of(PersonalDataKind.EMAIL, PersonalDataKind.PHONE, PersonalDataKind.PHONE,
                PersonalDataKind.NIR, PersonalDataKind.IBAN, PersonalDataKind.PERSON_NAME),
                run.report.personalData().stream().map(PersonalDataFinding::kind).toList());
        String json = new ObjectMapper().writeValueAsString(run.report);
        for (String raw : List.of("jean.dupont", "12 34 56", "98 76 54", "006 084", "3456 7890", "DUPONT", "Dupont")) {
            assertFalse(json.contains(raw), () -> raw + " leaked into " + json);
            assertFalse(run.report.toString().contains(raw), raw);
        }
        JsonNode finding = new ObjectMapper().readTree(json).path("personalData").path(0);
        assertEquals("contact", finding.path("column").asText());
        assertEquals("email", finding.path("kind").asText());
        assertEquals("j***@gmail.com", finding.path("samples").path(0).asText());
        assertTrue(finding.path("decision").isNull());
        assertEquals("BLOCKED", new ObjectMapper().readTree(json).path("verdict").asText());
    }

    @Test
    void memoryStaysBoundedWhateverTheRowCount() throws IOException {
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        int rows = 20_000;
        for (int i = 0; i < rows; i++) {
            file.append('E').append(i).append(",Stade,").append((char) ('a' + i % 26)).append(".martin").append(i)
                    .append("@gmail.com,,\n");
        }

        Run run = run(file.toString(), Map.of(), null);

        PersonalDataFinding finding = only(run.report);
        assertEquals(rows, finding.count());
        assertEquals(PersonalDataFinding.MAX_SAMPLES, finding.samples().size());
    }

    /** Every example file published with the national schemas: none holds personal data. */
    @TestFactory
    Stream<DynamicTest> noNationalExampleIsBlocked() throws IOException {
        List<Path> examples = ShippedSchemas.nationalExamples();
        assertTrue(examples.size() >= 4, () -> "examples found: " + examples);
        return examples.stream().map(example -> DynamicTest.dynamicTest(
                ShippedSchemas.schemasDir().relativize(example).toString(), () -> {
                    String schemaName = example.getParent().getParent().getFileName().toString();
                    QualityReport report = Checked.run(ShippedSchemas.schema(schemaName), example).report();

                    // Only what a field asks for, e.g. catalogue-donnees' contact_personne: information, never blocking.
                    assertEquals(List.of(), report.personalData().stream().filter(f -> !f.askedBySchema()).toList());
                    assertFalse(report.verdict() == Verdict.BLOCKED);
                }));
    }

    /** Like catalogue-donnees: a field of format email whose description asks for the persons' addresses. */
    private static final TableSchema CATALOGUE = TestSchemas.parse("""
            {
              "name": "catalogue",
              "title": "Catalogue",
              "fields": [
                {"name": "titre", "type": "string"},
                {"name": "contact_personne", "title": "Contact", "type": "string", "format": "email",
                 "description": "Adresse(s) email des personnes ayant des informations sur le jeu de données."},
                {"name": "telephone_referent", "type": "string",
                 "description": "Numéro de téléphone du référent"},
                {"name": "commentaire", "type": "string"}
              ]
            }
            """);

    @Test
    void dataAFieldAsksForIsInformationAndDoesNotBlock() throws IOException {
        Path raw = Files.writeString(dir.resolve("catalogue.csv"), "titre,contact_personne,telephone_referent,commentaire\n"
                + "Arbres,jean.martin@ign.fr,06 12 34 56 78,\nBancs,marie.durand@ign.fr,07 98 76 54 32,\n");

        QualityReport report = QualityCheck.of(CATALOGUE).run(raw, new ByteArrayOutputStream());

        assertEquals(Verdict.VALID, report.verdict(), report::toString);
        assertEquals(List.of(PersonalDataKind.EMAIL, PersonalDataKind.PHONE),
                report.personalData().stream().map(PersonalDataFinding::kind).toList());
        for (PersonalDataFinding finding : report.personalData()) {
            assertTrue(finding.askedBySchema(), finding::toString);
            assertFalse(finding.blocking(), finding::toString);
            assertTrue(finding.message().endsWith("Le schéma demande cette donnée dans ce champ : elle est signalée pour "
                    + "information et ne bloque pas la publication."), finding.message());
        }
        assertEquals("contact_personne", report.personalData().get(0).column());
        assertTrue(report.summary().endsWith("Données personnelles demandées par le schéma, signalées pour information : "
                + "colonnes « contact_personne », « telephone_referent »."), report.summary());
        assertFalse(report.summary().contains("bloquée"), report.summary());
    }

    @Test
    void theSameDataInFreeTextOrInAColumnTheSchemaLacksStillBlocks() throws IOException {
        Path raw = Files.writeString(dir.resolve("catalogue.csv"), "titre,contact_personne,telephone_referent,commentaire,"
                + "responsable\nArbres,contact@ign.fr,01 23 45 67 89,Écrire à jean.martin@ign.fr,marie.durand@ign.fr\n");

        QualityReport report = QualityCheck.of(CATALOGUE).run(raw, new ByteArrayOutputStream());

        assertEquals(Verdict.BLOCKED, report.verdict(), report::toString);
        assertEquals(List.of("commentaire", "responsable"), report.personalData().stream()
                .filter(PersonalDataFinding::blocking).map(PersonalDataFinding::column).toList());
        assertTrue(report.personalData().stream().noneMatch(PersonalDataFinding::askedBySchema));
    }

    @Test
    void theOfficialCatalogueExampleIsValidWithItsContactReportedForInformation() {
        QualityReport report = Checked.run(ShippedSchemas.schema("catalogue-donnees"),
                ShippedSchemas.example("catalogue-donnees", "exemple-valide.csv")).report();

        assertEquals(Verdict.VALID, report.verdict(), report::toString);
        PersonalDataFinding finding = only(report);
        assertEquals("contact_personne", finding.column());
        assertTrue(finding.askedBySchema());
        assertNull(finding.decision());
    }

    /** A person's address and mobile in the schema's own fields, a comment without personal data. */
    private static String personalFile() {
        return HEADER + """

                E1,Médiathèque,jean.dupont@gmail.com,06 12 34 56 78,Clés à l'accueil
                E2,Piscine,marie.durand@ville-exemple.fr,07.98.76.54.32,
                """;
    }

    private static PersonalDataFinding only(QualityReport report) {
        assertEquals(1, report.personalData().size(), report.personalData()::toString);
        return report.personalData().get(0);
    }

    /**
     * A register of facilities whose columns have shapes: the guard samples those past the first rows (see
     * {@code PersonalDataGuard}), and scans whole the free text, the columns the schema lacks and every cell that
     * breaks its field.
     */
    private static final TableSchema REGISTRE = TestSchemas.parse("""
            {
              "name": "registre",
              "fields": [
                {"name": "id", "type": "string", "constraints": {"required": true, "pattern": "E[0-9]+"}},
                {"name": "type", "type": "string", "constraints": {"enum": ["piscine", "stade", "gymnase"]}},
                {"name": "ouverture", "type": "date"},
                {"name": "capacite", "type": "integer"},
                {"name": "gratuit", "type": "boolean"},
                {"name": "observations", "type": "string"}
              ]
            }
            """);
    private static final int LATE_ROW = 100_003;

    /** {@code extra} is the label of a column the schema lacks, or null; {@code late} sets cells of row LATE_ROW. */
    private QualityReport registre(String extra, Map<String, String> late) throws IOException {
        Path raw = Files.createTempFile(dir, "registre-", ".csv");
        try (var out = Files.newBufferedWriter(raw, StandardCharsets.UTF_8)) {
            out.write("id,type,ouverture,capacite,gratuit,observations" + (extra == null ? "" : "," + extra) + "\n");
            for (int row = 2; row <= LATE_ROW + 20; row++) {
                Map<String, String> cells = new java.util.LinkedHashMap<>(Map.of("id", "E" + row, "type",
                        List.of("piscine", "stade", "gymnase").get(row % 3), "ouverture", "2024-0" + (1 + row % 9) + "-1" + row % 10,
                        "capacite", Integer.toString(row % 5000), "gratuit", row % 2 == 0 ? "true" : "false",
                        "observations", row % 7 == 0 ? "Ouvert le samedi matin" : "", "extra", "RAS"));
                if (row == LATE_ROW) {
                    cells.putAll(late);
                }
                out.write(String.join(",", cells.get("id"), cells.get("type"), cells.get("ouverture"),
                        cells.get("capacite"), cells.get("gratuit"), cells.get("observations"))
                        + (extra == null ? "" : "," + cells.get("extra")) + "\n");
            }
        }
        return QualityCheck.of(REGISTRE).run(raw, OutputStream.nullOutputStream());
    }

    @TestFactory
    Stream<DynamicTest> personalDataFirstSeenPastRow100000StillBlocksTheFile() {
        record Case(String name, String extra, Map<String, String> late, String column, PersonalDataKind kind) {
        }
        return Stream.of(
                new Case("a mobile in free text", null, Map.of("observations", "Rappeler Mme Durand au 06 12 34 56 78"),
                        "observations", PersonalDataKind.PHONE),
                new Case("a person's e-mail in a column the schema lacks", "referent", Map.of("extra", "jean.dupont@gmail.com"),
                        "referent", PersonalDataKind.EMAIL),
                new Case("an e-mail in a date column", null, Map.of("ouverture", "marie.durand@orange.fr"),
                        "ouverture", PersonalDataKind.EMAIL),
                new Case("a social security number in a patterned id", null, Map.of("id", "1 84 12 76 451 089 46"),
                        "id", PersonalDataKind.NIR),
                new Case("a mobile in an integer column", null, Map.of("capacite", "0612345678 "),
                        "capacite", PersonalDataKind.PHONE),
                new Case("an IBAN in a listed value's column", null, Map.of("type", "FR7630006000011234567890189"),
                        "type", PersonalDataKind.IBAN)
        ).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            QualityReport report = registre(c.extra(), c.late());

            assertEquals(Verdict.BLOCKED, report.verdict(), report.summary());
            assertEquals(List.of(c.column() + " " + c.kind() + " 1"), report.personalData().stream()
                    .map(finding -> finding.column() + " " + finding.kind() + " " + finding.count()).toList());
        }));
    }

    @Test
    void aLargeFileWithoutPersonalDataIsNotBlocked() throws IOException {
        QualityReport report = registre("referent", Map.of());

        assertEquals(Verdict.VALID, report.verdict(), report.summary());
        assertEquals(List.of(), report.personalData());
    }

    private Run run(String content, Map<String, PrivacyAction> decisions, String salt) throws IOException {
        Path raw = Files.createTempFile(dir, "raw-", ".csv");
        Files.writeString(raw, content, StandardCharsets.UTF_8);
        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        QualityReport report = QualityCheck.of(ANNUAIRE).withPrivacyDecisions(decisions, salt).run(raw, clean);
        return new Run(report, clean.toString(StandardCharsets.UTF_8));
    }

    private record Run(QualityReport report, String clean) {
        List<String> cleanLines() {
            return clean.lines().toList();
        }
    }
}
