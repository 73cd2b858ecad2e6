package fr.passerelle.catalog.approval;

import fr.passerelle.catalog.dataset.DatasetView;
import fr.passerelle.catalog.dataset.MetadataUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which metadata a publisher approved along with the data: a change to one of them withdraws the
 * approval. Title, description and licence tell re-users what the data is and what they may do with
 * it; keywords, theme, frequency, coverage and contact only help find it, so they are not material.
 * (A new schema is material too; {@link ApprovalPolicy} sees it when a version arrives.)
 *
 * @param title       as approved
 * @param description as approved, may be null
 * @param licence     as approved
 */
public record MaterialChange(String title, String description, String licence) {

    public static MaterialChange of(DatasetView dataset) {
        return new MaterialChange(dataset.title(), dataset.description(), dataset.licence());
    }

    /**
     * The material fields the update changes, named in French in a fixed order; empty when none. A field
     * the update leaves out (null) is unchanged; spaces around a text do not count.
     */
    public List<String> changedBy(MetadataUpdate update) {
        List<String> changed = new ArrayList<>();
        if (differs(title, update.title())) {
            changed.add("titre");
        }
        if (differs(description, update.description())) {
            changed.add("description");
        }
        if (differs(licence, update.licence())) {
            changed.add("licence");
        }
        return changed;
    }

    /** The journal's French reason for a withdrawal by these fields. */
    public static String reason(List<String> fields) {
        return "Modification importante des métadonnées (" + String.join(", ", fields) + ") : l'approbation"
                + " est retirée ; les prochaines versions attendront qu'un publieur approuve à nouveau le jeu de"
                + " données. Les versions déjà publiées le restent.";
    }

    private static boolean differs(String current, String proposed) {
        return proposed != null && !Objects.equals(normal(current), normal(proposed));
    }

    private static String normal(String text) {
        return text == null ? "" : text.strip();
    }
}
