package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.TableSchema;

/** A column of the service's own, never meant for publication: « Notes internes ». */
final class InternalNotesColumn implements Mess {

    @Override
    public String name() {
        return "internal-notes";
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        String[] notes = {"à vérifier sur place", "", "relancer le prestataire", "", "panneau abîmé"};
        table.insertColumn(table.labels.size(), "Notes internes", null, row -> notes[Math.floorMod(row.truthRow(), notes.length)]);
    }
}
