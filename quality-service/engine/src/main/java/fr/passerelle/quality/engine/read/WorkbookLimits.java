package fr.passerelle.quality.engine.read;

import org.apache.commons.io.input.BoundedInputStream;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The bounds that keep a hostile XLSX from exhausting memory: an XLSX is a ZIP of XML parts, any of
 * which may be forged. Sheets are streamed, so only what is held whole needs a bound: the shared
 * strings table, the list of sheets and the ZIP's directory.
 */
final class WorkbookLimits {

    /**
     * Shared strings are all held in memory (each cell refers to one by index). 32 MB of XML is about
     * half a million distinct 50-character texts; at worst (millions of one-letter strings, some 60
     * bytes of heap each) it stays near 120 MB, which a 256 MB heap survives.
     */
    static final long MAX_SHARED_STRINGS_BYTES = 32L * 1024 * 1024;
    /** Sheets in one workbook; each name is kept, and a compiled workbook opens every one. */
    static final int MAX_SHEETS = 1_000;
    /** Entries of the ZIP: a sheet is one or two entries, so this leaves room for {@link #MAX_SHEETS}. */
    static final int MAX_ZIP_ENTRIES = 5_000;

    static final String SHARED_STRINGS_REFUSAL = "Le classeur contient plus de " + MAX_SHARED_STRINGS_BYTES / (1024 * 1024)
            + " Mo de textes (table des chaînes partagées) : Passerelle refuse de le charger. Enregistrez les "
            + "données en CSV (Fichier > Enregistrer sous > CSV UTF-8), qui n'a pas cette limite.";
    static final String DTD_REFUSAL = "Le classeur contient des déclarations XML (DOCTYPE ou entités) qu'Excel "
            + "n'écrit jamais et qui peuvent servir à attaquer un serveur : Passerelle refuse de l'ouvrir. "
            + "Ouvrez-le dans votre tableur et enregistrez-le de nouveau en XLSX ou en CSV.";

    private WorkbookLimits() {
    }

    /** The shared strings part read under its size bound; {@code null} when the workbook has none. */
    static SharedStrings sharedStrings(PackagePart part) throws IOException, SAXException {
        if (part == null) {
            return null;
        }
        try (InputStream bounded = BoundedInputStream.builder()
                .setInputStream(part.getInputStream())
                .setMaxCount(MAX_SHARED_STRINGS_BYTES)
                .setOnMaxCount((max, count) -> {
                    throw new PartTooLarge();
                })
                .get()) {
            return new SizedSharedStrings(bounded);
        }
    }

    static UnreadableSourceException tooManySheets() {
        return new UnreadableSourceException(String.format(Locale.FRANCE, "Le classeur compte plus de %,d feuilles : "
                + "Passerelle refuse de l'ouvrir. Gardez la ou les feuilles du tableau à publier, ou enregistrez-les en "
                + "CSV.", MAX_SHEETS), null);
    }

    /** What the XML parsers say when a part declares a DTD or uses an entity they refuse to expand. */
    static boolean isDtdRefusal(String parserMessage) {
        String message = parserMessage.toLowerCase(Locale.ROOT);
        // "must start and end within the same entity" is a truncated part, not a DTD.
        return (message.contains("doctype") || message.contains("dtd") || message.contains("entity"))
                && !message.contains("same entity");
    }

    /** The shared strings part ends beyond {@link #MAX_SHARED_STRINGS_BYTES}. */
    static final class PartTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        PartTooLarge() {
            super("Shared strings part over " + MAX_SHARED_STRINGS_BYTES + " bytes");
        }
    }

    /**
     * POI sizes its list from the {@code uniqueCount} the file declares: a forged count of two
     * billion would allocate gigabytes before the first string. The counts are dropped, so the list
     * grows with the strings actually read, which the size bound limits.
     */
    private static final class SizedSharedStrings extends ReadOnlySharedStringsTable {

        SizedSharedStrings(InputStream in) throws IOException, SAXException {
            super(in, false);
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes) throws SAXException {
            if ("sst".equals(localName)) {
                AttributesImpl kept = new AttributesImpl(attributes);
                for (int i = kept.getLength() - 1; i >= 0; i--) {
                    String attribute = kept.getLocalName(i);
                    if ("count".equals(attribute) || "uniqueCount".equals(attribute)) {
                        kept.removeAttribute(i);
                    }
                }
                super.startElement(uri, localName, name, kept);
            } else {
                super.startElement(uri, localName, name, attributes);
            }
        }
    }
}
