package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.ValidationError;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Child-JVM entry point of {@link HostileInputTest}: checks each file against {@link TestSchemas#equipements()}
 * and prints one line per file: name, verdict, codes and messages; CRASH and exit 1 on any throwable.
 */
public final class SmallHeapCheck {

    /** Starts each result line, to tell it from what libraries print. */
    static final String PREFIX = "RESULT ";

    private SmallHeapCheck() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            Path file = Path.of(arg);
            try {
                QualityReport report = QualityCheck.of(TestSchemas.equipements()).run(file, OutputStream.nullOutputStream());
                System.out.println(PREFIX + file.getFileName() + " " + report.verdict() + " " + report.samples().stream()
                        .map(error -> error.code().code() + ": " + error.message())
                        .collect(Collectors.joining(" | ")));
            } catch (Throwable e) {
                System.out.println(PREFIX + file.getFileName() + " CRASH " + e);
                System.exit(1);
            }
        }
    }
}
