package fr.passerelle.quality.engine.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** Tells the clerk, in French, which columns were used under another name than the schema's. */
public final class MappingSummary {

    /** Columns named one by one; the others are counted. */
    static final int MAX_LISTED = 10;

    private MappingSummary() {
    }

    /**
     * @param matches         the header's columns, as matched
     * @param unusedOverrides labels of the caller's mapping that no column carries
     * @return the sentences, or "" when every column was matched by its exact name
     */
    public static String describe(List<ColumnMatch> matches, List<String> unusedOverrides) {
        StringBuilder text = new StringBuilder();
        List<ColumnMatch> renamed = matches.stream().filter(m -> m.how().worthTelling() && m.field() != null).toList();
        if (renamed.size() == 1) {
            text.append("La colonne ").append(asField(renamed.get(0))).append('.');
        } else if (!renamed.isEmpty()) {
            text.append("Des colonnes ont été reconnues sous un autre nom que celui du schéma : ")
                    .append(renamed.stream().limit(MAX_LISTED).map(MappingSummary::shortly)
                            .collect(Collectors.joining(", ")));
            if (renamed.size() > MAX_LISTED) {
                text.append(" et ").append(renamed.size() - MAX_LISTED).append(" autre")
                        .append(renamed.size() - MAX_LISTED >= 2 ? "s" : "");
            }
            text.append('.');
        }
        List<String> ignored = matches.stream().filter(m -> m.how() == MatchKind.USER && m.field() == null)
                .map(m -> "« " + m.label() + " »").toList();
        if (!ignored.isEmpty()) {
            space(text).append(ignored.size() == 1 ? "La colonne " + ignored.get(0) + " a été ignorée, comme demandé."
                    : "Les colonnes " + String.join(", ", ignored) + " ont été ignorées, comme demandé.");
        }
        if (!unusedOverrides.isEmpty()) {
            String labels = unusedOverrides.stream().map(label -> "« " + label + " »").collect(Collectors.joining(", "));
            space(text).append(unusedOverrides.size() == 1
                    ? "La correspondance demandée pour la colonne " + labels + " n'a pas servi : le fichier n'a pas de "
                            + "colonne de ce nom."
                    : "Les correspondances demandées pour les colonnes " + labels + " n'ont pas servi : le fichier n'a "
                            + "pas de colonnes de ces noms.");
        }
        return text.toString();
    }

    /** « Lat » a été reconnue comme « latitude » */
    private static String asField(ColumnMatch match) {
        return "« " + match.label() + " » a été reconnue comme « " + match.field() + " »" + caveat(match);
    }

    /** « Lat » comme « latitude » */
    private static String shortly(ColumnMatch match) {
        return "« " + match.label() + " » comme « " + match.field() + " »" + caveat(match);
    }

    private static String caveat(ColumnMatch match) {
        return switch (match.how()) {
            case FUZZY -> " (nom approchant : vérifiez)";
            case USER -> " (correspondance demandée)";
            default -> "";
        };
    }

    private static StringBuilder space(StringBuilder text) {
        return text.isEmpty() ? text : text.append(' ');
    }
}
