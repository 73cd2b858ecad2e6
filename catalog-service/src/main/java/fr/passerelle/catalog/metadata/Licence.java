package fr.passerelle.catalog.metadata;

import java.util.Arrays;
import java.util.Optional;

/** The licences French public bodies may use for open data (décret 2017-638), plus CC0. */
public enum Licence {
    ETALAB_2_0("etalab-2.0", "Licence Ouverte / Open Licence version 2.0",
            "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"),
    ODBL("odbl", "Open Database License (ODbL)", "https://opendatacommons.org/licenses/odbl/1-0/"),
    CC_BY_4_0("cc-by-4.0", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    CC_BY_SA_4_0("cc-by-sa-4.0", "Creative Commons Attribution - Partage dans les mêmes conditions 4.0",
            "https://creativecommons.org/licenses/by-sa/4.0/"),
    CC0_1_0("cc0-1.0", "Creative Commons Zero 1.0", "https://creativecommons.org/publicdomain/zero/1.0/");

    private final String id;
    private final String title;
    private final String uri;

    Licence(String id, String title, String uri) {
        this.id = id;
        this.title = title;
        this.uri = uri;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return uri;
    }

    public static Optional<Licence> byId(String id) {
        return Arrays.stream(values()).filter(licence -> licence.id.equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Licence::id).toList());
    }
}
