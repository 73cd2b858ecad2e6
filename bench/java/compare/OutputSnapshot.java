import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.quality.engine.QualityCheck;
import fr.passerelle.quality.engine.corpus.Corpus;
import fr.passerelle.quality.engine.corpus.CorpusFile;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what the engine makes of a fixed set of files, so that two builds of it can be compared byte for byte
 * (bench/compare-outputs.sh): for every file of the corpus (issue 15) and every SCHEMA=FILE given (the script gives
 * the national examples shipped with the engine and generated files), the report as JSON and the clean CSV,
 * validated only and with the fixes.
 * Compiled against each build's own classes (main and test), so it uses only APIs both have.
 *
 * <p>Usage: OutputSnapshot OUT_DIR [SCHEMA=FILE]...
 */
public final class OutputSnapshot {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        SchemaCatalog catalog = SchemaCatalog.shipped();
        Path work = Files.createTempDirectory("snapshot");
        List<String[]> inputs = new ArrayList<>();
        for (CorpusFile file : Corpus.full()) {
            Path raw = work.resolve(file.name().replace('/', '-'));
            Files.write(raw, file.content());
            inputs.add(new String[] {file.schema(), raw.toString(), "corpus-" + raw.getFileName()});
        }
        for (int i = 1; i < args.length; i++) {
            String[] given = args[i].split("=", 2);
            inputs.add(new String[] {given[0], given[1], "given-" + Path.of(given[1]).getFileName()});
        }
        ObjectMapper json = new ObjectMapper();
        for (String[] input : inputs) {
            if (catalog.find(input[0]).isEmpty()) {
                // A GeoJSON schema (amenagements-cyclables) has no table to compare.
                continue;
            }
            TableSchema schema = catalog.find(input[0]).get();
            for (boolean fixing : new boolean[] {false, true}) {
                QualityCheck check = fixing ? QualityCheck.of(schema).withFixes() : QualityCheck.of(schema);
                ByteArrayOutputStream clean = new ByteArrayOutputStream();
                QualityReport report = check.run(Path.of(input[1]), clean);
                String stem = input[2] + (fixing ? ".fix" : ".validate");
                Files.write(out.resolve(stem + ".report.json"),
                        json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
                Files.write(out.resolve(stem + ".clean.csv"), clean.toByteArray());
            }
        }
        System.out.println(inputs.size() + " files, " + 2 * inputs.size() + " runs written to " + out);
    }
}
