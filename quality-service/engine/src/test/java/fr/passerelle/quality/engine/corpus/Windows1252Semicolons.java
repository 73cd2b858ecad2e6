package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.TableSchema;

import java.nio.charset.Charset;

/** Excel's "CSV (séparateur : point-virgule)": Windows-1252, {@code ;}. */
final class Windows1252Semicolons implements Mess {

    @Override
    public String name() {
        return "cp1252-;";
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        table.charset = Charset.forName("windows-1252");
        table.separator = ';';
    }
}
