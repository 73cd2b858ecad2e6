package fr.passerelle.quality.engine;

import de.siegmar.fastcsv.reader.CsvRecord;
import fr.passerelle.quality.engine.annotate.AnnotationFormat;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The annotated CSV: the rows as read behind a first column « erreurs ». */
class AnnotatedCsvTest {

    @Test
    void putsEachRowsMessagesInAFirstColumnAndKeepsUnknownColumns() {
        String file = """
                remarque,id,nom,capacite,ouverture,gratuit,tarif,contact
                bien,E-1,Salle,10,2024-03-01,true,12.5,a@ville.fr
                note,E-3,,dix,pas une date,true,12.5,a@ville.fr
                """;

        Annotated annotated = Annotated.run(TestSchemas.equipements(), file, AnnotationFormat.CSV);

        List<CsvRecord> lines = ErrorListTest.read(annotated.annotated());
        assertEquals(List.of("erreurs", "id", "nom", "capacite", "ouverture", "gratuit", "tarif", "contact", "remarque"),
                lines.get(0).getFields());
        assertEquals(List.of("", "E-1", "Salle", "10", "2024-03-01", "true", "12.5", "a@ville.fr", "bien"),
                lines.get(1).getFields());
        List<String> messages = annotated.report().samples().stream().filter(error -> error.rowNumber() == 3)
                .map(ValidationError::message).toList();
        assertEquals(3, messages.size(), annotated.report()::toString);
        assertEquals(String.join(" | ", messages), lines.get(2).getField(0));
        assertEquals(List.of("E-3", "", "dix", "pas une date", "true", "12.5", "a@ville.fr", "note"),
                lines.get(2).getFields().subList(1, 9));
        assertEquals(3, lines.size());
    }

    @Test
    void keepsCellsBeyondTheHeaderAndMarksTheRow() {
        String file = TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,Salle,10,2024-03-01,true,12.5,a@ville.fr,en trop\n";

        Annotated annotated = Annotated.run(TestSchemas.equipements(), file, AnnotationFormat.CSV);

        ValidationError extra = annotated.report().samples().get(0);
        assertEquals(ErrorCode.EXTRA_CELL, extra.code());
        List<CsvRecord> lines = ErrorListTest.read(annotated.annotated());
        assertEquals(List.of(extra.message(), "E-1", "Salle", "10", "2024-03-01", "true", "12.5", "a@ville.fr", "en trop"),
                lines.get(1).getFields());
    }

    @Test
    void aValidFileHasAnEmptyErrorsColumn() {
        String file = TestSchemas.EQUIPEMENTS_HEADER + "\nE-1,Salle,10,2024-03-01,true,12.5,a@ville.fr\n"
                + "E-2,\"Salle; polyvalente\",200,,false,,\n";

        Annotated annotated = Annotated.run(TestSchemas.equipements(), file, AnnotationFormat.CSV);

        assertEquals(Verdict.VALID, annotated.report().verdict());
        List<CsvRecord> lines = ErrorListTest.read(annotated.annotated());
        assertEquals(3, lines.size());
        assertEquals("", lines.get(1).getField(0));
        assertEquals("", lines.get(2).getField(0));
        assertEquals("Salle; polyvalente", lines.get(2).getField(2), "a value holding the separator is quoted");
    }
}
