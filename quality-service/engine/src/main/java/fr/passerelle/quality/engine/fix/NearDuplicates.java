package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.report.FixSample;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.engine.validation.ColumnMapping;
import fr.passerelle.quality.engine.validation.RowFingerprints;

import java.util.List;
import java.util.Optional;

/**
 * Rows naming the same place at the same address, written differently ("Parking de la Gare, 1 av.
 * Foch" and "PARKING DE LA GARE, 1 avenue Foch"): never dropped, only suggested, since two car
 * parks may share a name and an address. A row is suggested when its folded name and address
 * (see {@link AddressFolding}) were met before but not its exact spelling. Keeps two 128-bit
 * fingerprints per row, as the duplicate checks do, for the first {@value #REMEMBERED_ROWS} rows only:
 * a suggestion is worth less than the heap a file of ten million rows would need (about 40 MB here).
 */
final class NearDuplicates {

    static final int REMEMBERED_ROWS = 500_000;

    private final Field name;
    private final int nameIndex;
    private final Field address;
    private final int addressIndex;
    private final RowFingerprints folded = new RowFingerprints();
    private final RowFingerprints exact = new RowFingerprints();
    private long remembered;
    /** The name and address the last call recorded. */
    private String lastName;
    private String lastAddress;
    /** A person decided these rows are duplicates: dropped rather than suggested. */
    private final boolean drop;

    private NearDuplicates(Field name, int nameIndex, Field address, int addressIndex, boolean drop) {
        this.drop = drop;
        this.name = name;
        this.nameIndex = nameIndex;
        this.address = address;
        this.addressIndex = addressIndex;
    }

    /** @return empty when the schema has no name-like or no address-like field */
    static Optional<NearDuplicates> of(TableSchema schema) {
        return of(schema, false);
    }

    /** @param drop drop the near-duplicate rows (a person's decision) instead of suggesting them */
    static Optional<NearDuplicates> of(TableSchema schema, boolean drop) {
        List<Field> fields = schema.fields();
        int nameIndex = -1;
        int addressIndex = -1;
        for (int i = 0; i < fields.size(); i++) {
            String key = FieldValues.nameKey(fields.get(i));
            if ((nameIndex < 0 || key.equals("nom")) && (key.equals("nom") || key.startsWith("nom_") || key.equals("name")
                    || key.equals("raison_sociale") || key.equals("libelle"))) {
                nameIndex = i;
            }
            if (addressIndex < 0 && (key.startsWith("adresse") || key.startsWith("adr_") || key.equals("address"))) {
                addressIndex = i;
            }
        }
        if (nameIndex < 0 || addressIndex < 0) {
            return Optional.empty();
        }
        return Optional.of(new NearDuplicates(fields.get(nameIndex), nameIndex, fields.get(addressIndex), addressIndex,
                drop));
    }

    /**
     * @return whether the row is dropped: a near-duplicate, and a person decided to drop them (the fixes held for the
     * row are then forgotten and the drop reported)
     */
    boolean check(long row, List<String> cells, ColumnMapping columns, FixLog log) {
        int nameColumn = columns.columnOf(nameIndex);
        int addressColumn = columns.columnOf(addressIndex);
        if (nameColumn < 0 || addressColumn < 0 || nameColumn >= cells.size() || addressColumn >= cells.size()
                || cells.get(nameColumn).isEmpty() || cells.get(addressColumn).isEmpty()) {
            return false;
        }
        if (remembered >= REMEMBERED_ROWS) {
            return false;
        }
        remembered++;
        String nameText = cells.get(nameColumn);
        String addressText = cells.get(addressColumn);
        if (nameText.equals(lastName) && addressText.equals(lastAddress)) {
            // The spelling the last row recorded (a station's next charge point): spelled before, so nothing to tell,
            // and both fingerprints are already kept.
            return false;
        }
        lastName = nameText;
        lastAddress = addressText;
        boolean spelledBefore = exact.firstRowOf(List.of(nameText, addressText), row) != RowFingerprints.NEW;
        long first = folded.firstRowOf(List.of(AddressFolding.fold(nameText), AddressFolding.fold(addressText)), row);
        if (first != RowFingerprints.NEW && !spelledBefore && drop) {
            // The row's own fixes go with it; its drop is the fix reported.
            log.dropRow();
            log.applied(FixCode.NEAR_DUPLICATE_DROPPED, null, "Les lignes de même nom (« " + name.name() + " ») et de "
                    + "même adresse (« " + address.name() + " ») qu'une ligne précédente, écrits autrement, ont été "
                    + "supprimées, selon la décision mémorisée pour ce jeu de données.",
                    new FixSample(row, nameText + " — " + addressText, "supprimée : ressemble à la ligne " + first));
            return true;
        }
        if (first != RowFingerprints.NEW && !spelledBefore) {
            log.suggested(FixCode.NEAR_DUPLICATE, null, "Des lignes ont le même nom (« " + name.name() + " ») et la même "
                    + "adresse (« " + address.name() + " ») qu'une ligne précédente, écrits autrement : ce sont peut-être "
                    + "des doublons. Vérifiez-les ; elles n'ont pas été supprimées.",
                    new FixSample(row, nameText + " — " + addressText, "ressemble à la ligne " + first));
        }
        return false;
    }
}
