package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.List;

/** INSEE codes and postcodes that went through a spreadsheet as numbers: 01053 became 1053. */
final class CodesWithoutLeadingZeros implements Mess {

    static final List<String> CODE_FIELDS = List.of("code_insee_commune", "code_com", "insee", "adresse_code_postal",
            "adresse_code_insee", "com_cp", "com_insee");

    @Override
    public String name() {
        return "codes-no-leading-0";
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        CODE_FIELDS.forEach(field -> table.rewrite(field, code -> code.matches("0\\d{4}") ? code.substring(1) : code));
    }
}
