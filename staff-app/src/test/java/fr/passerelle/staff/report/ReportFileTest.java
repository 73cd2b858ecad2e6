package fr.passerelle.staff.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The report's downloads: which names the app answers, and the file name the browser saves. */
class ReportFileTest {

    private static final String UPLOAD = "0b7f1d1e-8a51-4a8e-9c55-6f1f3c0c2a11";

    @Test
    void theAppsLinksNameQualitysFiles() {
        assertEquals("annotated.xlsx", ReportFile.byAppName("fichier-annote.xlsx").orElseThrow().qualityName());
        assertEquals("errors.csv", ReportFile.byAppName("erreurs.csv").orElseThrow().qualityName());
        assertTrue(ReportFile.byAppName("annotated.csv").isEmpty(), "only what the page offers");
        assertTrue(ReportFile.byAppName("../report.json").isEmpty());
    }

    @Test
    void theDatasetsFileNameIsKept() {
        assertEquals("attachment; filename=\"arceaux-annote.xlsx\"", ReportFile.ANNOTATED_XLSX
                .contentDisposition("attachment; filename=\"arceaux-annote.xlsx\"", UPLOAD));
        assertEquals("attachment; filename=\"arceaux-erreurs.csv\"", ReportFile.ERROR_LIST
                .contentDisposition("attachment; filename=\"arceaux-erreurs.csv\"", UPLOAD));
    }

    @Test
    void aMissingOrStrangeNameIsReplacedByTheUploads() {
        assertEquals("attachment; filename=\"depot-" + UPLOAD + "-erreurs.csv\"",
                ReportFile.ERROR_LIST.contentDisposition(null, UPLOAD));
        assertEquals("attachment; filename=\"depot-" + UPLOAD + "-annote.xlsx\"",
                ReportFile.ANNOTATED_XLSX.contentDisposition("attachment; filename=\"a\\\"; b.exe\"", UPLOAD));
        assertEquals("attachment; filename=\"depot-" + UPLOAD + "-annote.xlsx\"",
                ReportFile.ANNOTATED_XLSX.contentDisposition("attachment; filename=\"arceaux-erreurs.csv\"", UPLOAD),
                "a name of another kind of file");
    }
}
