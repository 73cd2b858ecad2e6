package fr.passerelle.quality.engine.annotate;

import java.util.Locale;
import java.util.Optional;

/** The two shapes of the annotated file a clerk downloads. */
public enum AnnotationFormat {

    /** A workbook: bad cells in light red with a comment, a sheet « Erreurs » linking to each one. */
    XLSX,
    /** The rows as read behind a first column « erreurs » holding each row's French messages. */
    CSV;

    /** The format a file name asks for by its extension ({@code .xlsx} or {@code .csv}, any case). */
    public static Optional<AnnotationFormat> ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }
}
