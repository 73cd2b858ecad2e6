package fr.passerelle.quality.schema;

import fr.passerelle.quality.engine.schema.TableSchema;
import java.util.List;

/** The schemas an organisation wrote itself, for data that has no national standard. */
public interface OrganisationSchemas {

    /** The latest version of each of the organisation's schemas, named as uploaded; empty for none. */
    List<TableSchema> latest(String organization);
}
