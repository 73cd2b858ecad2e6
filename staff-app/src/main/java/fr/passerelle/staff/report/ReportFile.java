package fr.passerelle.staff.report;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files made from a report that a person may download through the app, by the name the app's link gives
 * them and the name quality serves them under.
 */
public enum ReportFile {
    ANNOTATED_XLSX("fichier-annote.xlsx", "annotated.xlsx", "-annote.xlsx", "le fichier annoté de ce dépôt"),
    ERROR_LIST("erreurs.csv", "errors.csv", "-erreurs.csv", "la liste des erreurs de ce dépôt");

    private static final Pattern QUOTED_NAME = Pattern.compile("filename=\"([A-Za-z0-9._-]{1,200})\"");

    private final String appName;
    private final String qualityName;
    private final String suffix;
    private final String what;

    ReportFile(String appName, String qualityName, String suffix, String what) {
        this.appName = appName;
        this.qualityName = qualityName;
        this.suffix = suffix;
        this.what = what;
    }

    public static Optional<ReportFile> byAppName(String name) {
        return Arrays.stream(values()).filter(file -> file.appName.equals(name)).findFirst();
    }

    public String qualityName() {
        return qualityName;
    }

    /** What it is, in French, for the messages ("le fichier annoté de ce dépôt"). */
    public String what() {
        return what;
    }

    /**
     * The Content-Disposition the browser gets: quality's file name (the dataset's) when it is a plain one,
     * else one made from the upload, so that no header of another service reaches the browser unchecked.
     */
    public String contentDisposition(String qualityDisposition, String uploadId) {
        String name = "depot-" + uploadId + suffix;
        if (qualityDisposition != null) {
            Matcher matcher = QUOTED_NAME.matcher(qualityDisposition);
            if (matcher.find() && matcher.group(1).endsWith(suffix)) {
                name = matcher.group(1);
            }
        }
        return "attachment; filename=\"" + name + "\"";
    }
}
