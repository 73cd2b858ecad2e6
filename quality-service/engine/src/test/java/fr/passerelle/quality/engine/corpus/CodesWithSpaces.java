package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.List;

/** SIREN and SIRET numbers written as on a letterhead: « 213 801 855 00007 ». */
final class CodesWithSpaces implements Mess {

    private static final List<String> SIRET = List.of("siret", "num_siret", "expt_siret");
    private static final List<String> SIREN = List.of("siren_amenageur", "source", "fab_siren", "mnt_siren", "expt_siren");

    @Override
    public String name() {
        return "siret-spaces";
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        SIRET.forEach(field -> table.rewrite(field, code -> code.matches("\\d{14}")
                ? code.substring(0, 3) + " " + code.substring(3, 6) + " " + code.substring(6, 9) + " " + code.substring(9) : code));
        if (!schema.name().equals("stationnement-cyclable")) {
            SIREN.forEach(field -> table.rewrite(field, code -> code.matches("\\d{9}")
                    ? code.substring(0, 3) + " " + code.substring(3, 6) + " " + code.substring(6) : code));
        }
    }
}
