package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.TableSchema;

/** An XLSX with one sheet per sector (Nord, Sud, Est), same header on each: numbers and dates as Excel cells. */
final class SheetsToCompile implements Mess {

    @Override
    public String name() {
        return "xlsx-3-sheets";
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        table.sheets = 3;
    }
}
