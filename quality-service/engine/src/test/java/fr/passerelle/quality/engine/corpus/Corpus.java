package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The corpus: for each of six national schemas, a seeded truth per file and the same recipes of mess, so that
 * every schema meets every kind of export that fits it. Deterministic: the same build gives the same bytes.
 * {@link #full()} has 68 files (a point typed by hand only where the schema has a geopoint field); {@link #shortForm()} 12 of them (two per schema: the dates-and-commas
 * export and the file holding everything; and personal data on two schemas), for the end-to-end run.
 */
public final class Corpus {

    /** A recipe: its name, whether it wants communes losing a leading zero, all-ambiguous dates, and its messes. */
    private record Recipe(String name, boolean leadingZeros, boolean ambiguousDates, List<Supplier<Mess>> messes) {
    }

    private static final List<Recipe> RECIPES = List.of(
            new Recipe("excel-fr", false, true, List.of(Windows1252Semicolons::new, DecimalCommas::new, FrenchDates::new)),
            new Recipe("headers", false, false, List.of(FrenchHeaders::new, TitleRows::new)),
            new Recipe("gis", false, false, List.of(Lambert93Columns::new, Windows1252Semicolons::new)),
            new Recipe("workbook", false, false, List.of(SheetsToCompile::new, YesNoWords::new)),
            new Recipe("codes", true, false, List.of(CodesWithoutLeadingZeros::new, CodesWithSpaces::new)),
            new Recipe("furniture", false, false, List.of(ExactDuplicates::new, TotalsAndNotes::new)),
            new Recipe("swapped", false, false, List.of(SwappedLatLon::new, InternalNotesColumn::new)),
            new Recipe("typed-point", false, false, List.of(PointTypedByHand::new, FrenchDates::new, Windows1252Semicolons::new)),
            new Recipe("ticks", false, false, List.of(CrossedBooleans::new, DecimalCommas::new)),
            new Recipe("emails", false, false, List.of(() -> new AgentContacts(false), Windows1252Semicolons::new)),
            new Recipe("mobiles", false, false, List.of(() -> new AgentContacts(true), SheetsToCompile::new)),
            new Recipe("everything", true, true, List.of(CodesWithoutLeadingZeros::new, CodesWithSpaces::new,
                    YesNoWords::new, DecimalCommas::new, FrenchDates::new, FrenchHeaders::new, ExactDuplicates::new,
                    InternalNotesColumn::new, TitleRows::new, TotalsAndNotes::new, Windows1252Semicolons::new)));

    private static final Set<String> SHORT = Set.of("excel-fr", "everything");
    private static final Set<String> SHORT_BLOCKED = Set.of("irve-statique/emails", "dae/mobiles");

    private Corpus() {
    }

    public static List<CorpusFile> full() {
        return build(false);
    }

    public static List<CorpusFile> shortForm() {
        return build(true);
    }

    private static List<CorpusFile> build(boolean shortOnly) {
        SchemaCatalog catalog = SchemaCatalog.shipped();
        List<CorpusFile> files = new ArrayList<>();
        long seed = 20240405;
        for (TruthGenerator generator : TruthGenerator.all()) {
            TableSchema schema = catalog.find(generator.schema()).orElseThrow();
            for (Recipe recipe : RECIPES) {
                seed++;
                List<Mess> messes = recipe.messes().stream().map(Supplier::get).toList();
                if (!messes.stream().allMatch(mess -> mess.fits(schema))) {
                    continue;
                }
                if (shortOnly && !SHORT.contains(recipe.name()) && !SHORT_BLOCKED.contains(schema.name() + "/" + recipe.name())) {
                    continue;
                }
                files.add(file(schema, generator, recipe, messes, seed));
            }
        }
        return files;
    }

    private static CorpusFile file(TableSchema schema, TruthGenerator generator, Recipe recipe, List<Mess> messes, long seed) {
        int rows = 18 + (int) (seed % 13);
        Truth truth = generator.generate(schema.fieldNames(), rows, seed, recipe.ambiguousDates(), recipe.leadingZeros());
        MessyTable table = new MessyTable(truth, typed(schema, "number", "integer"), typed(schema, "date"));
        messes.forEach(mess -> mess.apply(table, schema));
        String name = schema.name() + "/" + recipe.name() + "." + table.extension();
        return new CorpusFile(name, schema.name(), truth, messes.stream().map(Mess::name).toList(),
                messes.stream().anyMatch(Mess::personalData), table.write(), table.untouched());
    }

    private static Set<String> typed(TableSchema schema, String... types) {
        Set<String> names = new HashSet<>();
        for (String type : types) {
            names.addAll(Mess.fieldsOfType(schema, type));
        }
        return names;
    }
}
