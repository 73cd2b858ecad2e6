package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.List;

/** A title and a blank line above the header, as a spreadsheet printed for a meeting has them. */
final class TitleRows implements Mess {

    @Override
    public String name() {
        return "title-rows";
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        table.above.add(List.of("Export " + schema.displayTitle() + " — mise à jour du 05/04/2024"));
        table.above.add(List.of(""));
    }
}
