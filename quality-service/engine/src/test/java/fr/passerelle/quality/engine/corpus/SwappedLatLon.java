package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.TableSchema;

/** Latitude where the longitude belongs and back: [48.85,2.35], or Xlong holding the latitude. */
final class SwappedLatLon implements Mess {

    @Override
    public String name() {
        return "lat/lon-swapped";
    }

    @Override
    public boolean fits(TableSchema schema) {
        return PointColumns.of(schema).isPresent();
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        PointColumns point = PointColumns.of(schema).orElseThrow();
        if (point.isGeopoint()) {
            table.rewrite(point.geopoint(), cell -> {
                String[] parts = cell.replace("[", "").replace("]", "").split(",");
                return "[" + parts[1] + "," + parts[0] + "]";
            });
        } else {
            int x = table.column(point.longitude());
            int y = table.column(point.latitude());
            for (MessyTable.MessyRow row : table.rows) {
                String lon = row.cells().get(x);
                row.cells().set(x, row.cells().get(y));
                row.cells().set(y, lon);
            }
        }
    }
}
