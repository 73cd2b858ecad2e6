package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.ForeignKey;
import fr.passerelle.quality.engine.schema.RowCustomCheck;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

/** Builds the checks a schema asks for beyond single cells, in the order their errors are reported. */
final class RowChecks {

    private RowChecks() {
    }

    static List<RowCheck> of(TableSchema schema, ReferencedKeys referenced) {
        return of(schema, referenced, false);
    }

    /** @param distinctRows the rows are known to be distinct: no duplicate-row check */
    static List<RowCheck> of(TableSchema schema, ReferencedKeys referenced, boolean distinctRows) {
        List<String> names = schema.fieldNames();
        Fingerprinter fingerprinter = new Fingerprinter();
        List<RowCheck> checks = new ArrayList<>();
        for (CustomCheck check : schema.customChecks()) {
            if (check instanceof RowCustomCheck rowCheck) {
                checks.add(new RowCustomCheckRun(rowCheck, indexes(names, rowCheck.fields())));
            } else {
                checks.add(new CustomCheckRun(check, names.indexOf(check.field())));
            }
        }
        List<String> primaryKey = schema.primaryKey();
        for (int i = 0; i < names.size(); i++) {
            Field field = schema.fields().get(i);
            // A one-field primary key already demands unique values: one error per duplicate is enough.
            if (field.unique() && !primaryKey.equals(List.of(field.name()))) {
                checks.add(new UniqueValueCheck(field, i, fingerprinter));
            }
        }
        if (primaryKey.isEmpty() && !distinctRows) {
            checks.add(new DuplicateRowCheck(fingerprinter));
        } else if (!primaryKey.isEmpty()) {
            checks.add(new PrimaryKeyCheck(primaryKey.stream().map(name -> schema.fields().get(names.indexOf(name))).toList(),
                    indexes(names, primaryKey), fingerprinter));
        }
        if (referenced.collected()) {
            List<ForeignKey> selfReferences = ReferencedKeys.selfReferences(schema);
            for (int k = 0; k < selfReferences.size(); k++) {
                ForeignKey key = selfReferences.get(k);
                checks.add(new SelfReferenceCheck(key, indexes(names, key.fields()), referenced.ofSelfReference(k),
                        fingerprinter));
            }
        }
        return checks;
    }

    private static int[] indexes(List<String> names, List<String> picked) {
        return picked.stream().mapToInt(names::indexOf).toArray();
    }
}
