package fr.passerelle.quality.engine.read;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Reads an XLSX workbook without loading it: each sheet's XML is pulled with StAX, one row at a
 * time; only the shared strings table is held in memory (as Excel itself does). Formulas give
 * their cached value, the one Excel last computed and saved.
 *
 * <p>Zip bombs: POI's {@link ZipSecureFile} refuses an entry inflating more than
 * {@value #MAX_INFLATE_FACTOR} times its compressed size, or larger than {@link #MAX_ENTRY_BYTES},
 * and {@link TableReader#MAX_CELLS} bounds the columns of a row. These are JVM-wide POI settings.
 * The shared strings, the one part held in memory, are bounded by {@link WorkbookLimits}, and so is
 * the number of sheets. XML parts declaring a DTD (XXE, billion laughs) are refused: POI's parsers
 * forbid DOCTYPE, and ours does not support it.
 */
final class XlsxWorkbook implements Workbook {

    static final int MAX_INFLATE_FACTOR = 100;
    /** A sheet's XML: a million rows of twenty cells stays below. */
    static final long MAX_ENTRY_BYTES = 1024L * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(1.0 / MAX_INFLATE_FACTOR);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxFileCount(WorkbookLimits.MAX_ZIP_ENTRIES);
    }

    private static final XMLInputFactory XML = xmlInputFactory();
    /** In UTF-8, as Excel and every other producer write sheets; a sheet in UTF-16 is read without its merges. */
    private static final byte[] MERGE_CELL = "mergeCell".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final OPCPackage pkg;
    private final SharedStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final List<String> names = new ArrayList<>();
    private final XSSFReader.SheetIterator sheets;
    private int opened = -1;

    private XlsxWorkbook(OPCPackage pkg) throws IOException, OpenXML4JException, SAXException, UnreadableSourceException {
        this.pkg = pkg;
        XSSFReader reader = new XSSFReader(pkg);
        this.strings = WorkbookLimits.sharedStrings(sharedStringsPart(pkg));
        this.date1904 = isDate1904(reader);
        this.styles = reader.getStylesTable();
        XSSFReader.SheetIterator names = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (names.hasNext()) {
            try (InputStream ignored = names.next()) {
                this.names.add(names.getSheetName());
            }
            if (this.names.size() > WorkbookLimits.MAX_SHEETS) {
                throw WorkbookLimits.tooManySheets();
            }
        }
        this.sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
    }

    private static PackagePart sharedStringsPart(OPCPackage pkg) throws InvalidFormatException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        return parts.isEmpty() ? null : parts.get(0);
    }

    static XlsxWorkbook open(Path file) throws IOException, UnreadableSourceException {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            return new XlsxWorkbook(pkg);
        } catch (UnreadableSourceException e) {
            pkg.revert();
            throw e;
        } catch (OpenXML4JException | SAXException | IOException | RuntimeException e) {
            if (pkg != null) {
                pkg.revert();
            }
            throw unreadable(0, e);
        }
    }

    /** A French sentence for whatever POI or the XML parser threw. */
    static UnreadableSourceException unreadable(long rowNumber, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof WorkbookLimits.PartTooLarge) {
                return new UnreadableSourceException(rowNumber, WorkbookLimits.SHARED_STRINGS_REFUSAL, e);
            }
            if (message.contains("Zip bomb") || message.contains("exceeds the max entry size")
                    || message.contains("exceeds the max text size")) {
                return new UnreadableSourceException(rowNumber, "Le classeur est anormalement compressé ou trop "
                        + "volumineux une fois décompressé (plus de " + MAX_INFLATE_FACTOR + " fois sa taille, ou plus de "
                        + MAX_ENTRY_BYTES / (1024 * 1024) + " Mo pour une feuille) : Passerelle refuse de l'ouvrir. "
                        + "Enregistrez les données en CSV, ou retirez les lignes et colonnes vides mises en forme.", e);
            }
            if (message.contains("more internal file entries")) {
                return new UnreadableSourceException(rowNumber, "Le classeur contient plus de "
                        + WorkbookLimits.MAX_ZIP_ENTRIES + " fichiers internes : ce n'est pas un classeur qu'Excel "
                        + "produit, Passerelle refuse de l'ouvrir. Enregistrez les données en CSV.", e);
            }
            if (WorkbookLimits.isDtdRefusal(message)) {
                return new UnreadableSourceException(rowNumber, WorkbookLimits.DTD_REFUSAL, e);
            }
            if (t instanceof EncryptedDocumentException) {
                return new UnreadableSourceException(rowNumber, SourceFormat.ENCRYPTED_WORKBOOK.refusal(), e);
            }
        }
        return new UnreadableSourceException(rowNumber, rowNumber == 0
                ? "Le classeur XLSX est endommagé ou incomplet : Passerelle ne peut pas l'ouvrir. Ouvrez-le dans "
                        + "votre tableur, enregistrez-le de nouveau en XLSX ou en CSV, puis envoyez-le de nouveau."
                : "La lecture du classeur s'est arrêtée à la ligne " + rowNumber + " : le fichier y est endommagé. "
                        + "Les lignes suivantes n'ont pas été contrôlées.", e);
    }

    private static boolean isDate1904(XSSFReader reader) {
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLStreamReader xml = XML.createXMLStreamReader(workbook);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("workbookPr")) {
                        String value = xml.getAttributeValue(null, "date1904");
                        return "1".equals(value) || "true".equals(value);
                    }
                    if (xml.getEventType() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("sheets")) {
                        return false;
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        } catch (IOException | XMLStreamException | OpenXML4JException | RuntimeException e) {
            return false;
        }
    }

    private static XMLInputFactory xmlInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    @Override
    public List<String> sheetNames() {
        return names;
    }

    @Override
    public String formatName() {
        return "XLSX";
    }

    @Override
    public SheetSource openSheet(int index) throws IOException, UnreadableRowException {
        if (index <= opened) {
            throw new IllegalStateException("Sheets are read in order, each once");
        }
        try {
            InputStream sheet = null;
            while (opened < index) {
                if (sheet != null) {
                    sheet.close();
                }
                sheet = sheets.next();
                opened++;
            }
            return new SheetRows(sheet, mergedRanges(sheets.getSheetPart()));
        } catch (XMLStreamException | RuntimeException e) {
            throw unreadable(0, e);
        }
    }

    /**
     * The sheet's merged ranges. Its XML lists them after its rows ({@code <mergeCells>} follows {@code <sheetData>}),
     * and the rows are read as they stream: a first pass over the sheet collects them alone, keeping nothing else,
     * so that the rows can be filled down as they come without holding any of them. Most sheets merge nothing: a
     * byte search for the element's name settles that at a fraction of an XML parse, which only runs when found.
     */
    private static MergedRanges mergedRanges(PackagePart part) {
        try (InputStream in = part.getInputStream()) {
            if (!ByteSearch.contains(in, MERGE_CELL)) {
                return MergedRanges.NONE;
            }
        } catch (IOException | RuntimeException e) {
            // Read as if merged: the XML pass below, or the rows' reading, tells what is wrong.
        }
        MergedRanges.Collector merged = new MergedRanges.Collector();
        try (InputStream in = part.getInputStream()) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("mergeCell")) {
                        merged.add(xml.getAttributeValue(null, "ref"));
                    } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("mergeCells")) {
                        break;
                    }
                }
            } finally {
                xml.close();
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // What cannot be read here is reported by the reading of the rows, at the row where it stops; the merges
            // found until then are kept.
        }
        return merged.collected();
    }

    @Override
    public void close() {
        // Opened read-only: revert() closes without writing anything back.
        pkg.revert();
    }

    /** One sheet's {@code <row>} elements, pulled one at a time. */
    private final class SheetRows implements SheetSource {

        private final InputStream in;
        private final XMLStreamReader xml;
        private final BitSet hidden = new BitSet();
        private final MergedRanges merged;
        private long lastRowNumber;
        private boolean done;

        SheetRows(InputStream in, MergedRanges merged) throws XMLStreamException {
            this.in = in;
            this.merged = merged;
            this.xml = XML.createXMLStreamReader(in);
        }

        @Override
        public MergedRanges mergedRanges() {
            return merged;
        }

        @Override
        public TableRow next() throws IOException, UnreadableRowException {
            if (done) {
                return null;
            }
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        // The parser ignores a DTD without entities; Excel never writes one: refused all the same.
                        done = true;
                        throw new UnreadableSourceException(lastRowNumber + 1, WorkbookLimits.DTD_REFUSAL, null);
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                        return row();
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("col")) {
                        hide();
                    }
                    if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sheetData")) {
                        break;
                    }
                }
                done = true;
                return null;
            } catch (XMLStreamException | RuntimeException e) {
                done = true;
                throw unreadable(lastRowNumber + 1, e);
            }
        }

        @Override
        public BitSet hiddenColumns() {
            return hidden;
        }

        /** A {@code <col min max hidden>} of the sheet's {@code <cols>}, before its rows. */
        private void hide() {
            String flag = xml.getAttributeValue(null, "hidden");
            if (!"1".equals(flag) && !"true".equals(flag)) {
                return;
            }
            try {
                int min = Integer.parseInt(xml.getAttributeValue(null, "min"));
                int max = Integer.parseInt(xml.getAttributeValue(null, "max"));
                // Excel hides "every column to the right" as max=16384: bounded by the widest row read.
                for (int c = Math.max(1, min); c <= Math.min(max, TableReader.MAX_CELLS); c++) {
                    hidden.set(c - 1);
                }
            } catch (RuntimeException e) {
                // A malformed range hides nothing: the cells stay, as a reader without styles would show them.
            }
        }

        private TableRow row() throws XMLStreamException, UnreadableSourceException {
            String r = xml.getAttributeValue(null, "r");
            long number = r == null ? lastRowNumber + 1 : Long.parseLong(r);
            lastRowNumber = number;
            List<String> cells = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                    int column = columnIndex(xml.getAttributeValue(null, "r"), cells.size());
                    if (column >= TableReader.MAX_CELLS) {
                        throw new UnreadableSourceException(number, "La ligne " + number + " de la feuille a des cellules "
                                + "au-delà de la colonne " + TableReader.MAX_CELLS + " : Passerelle s'arrête là. Supprimez "
                                + "les colonnes inutiles à droite du tableau.", null);
                    }
                    String value = cell();
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    if (column < cells.size()) {
                        cells.set(column, value);
                    } else {
                        cells.add(value);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                    break;
                }
            }
            return new TableRow(number, cells);
        }

        /** Reads one {@code <c>} up to its end tag. */
        private String cell() throws XMLStreamException {
            String type = xml.getAttributeValue(null, "t");
            String style = xml.getAttributeValue(null, "s");
            String value = null;
            StringBuilder inline = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("v")) {
                        value = xml.getElementText();
                    } else if (name.equals("t")) {
                        inline = inline == null ? new StringBuilder() : inline;
                        inline.append(xml.getElementText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                    break;
                }
            }
            return CellText.trim(text(type, style, value, inline));
        }

        private String text(String type, String style, String value, StringBuilder inline) {
            if ("inlineStr".equals(type)) {
                return inline == null ? "" : inline.toString();
            }
            if (value == null) {
                return "";
            }
            if (type == null || type.equals("n")) {
                return number(value, style);
            }
            return switch (type) {
                case "s" -> sharedString(value);
                case "b" -> "1".equals(value.strip()) ? "true" : "false";
                // "str": a formula's text result; "e": an error such as #N/A; "d": an ISO date already.
                default -> value;
            };
        }

        private String sharedString(String index) {
            try {
                return strings == null ? "" : strings.getItemAt(Integer.parseInt(index.strip())).getString();
            } catch (RuntimeException e) {
                return "";
            }
        }

        private String number(String value, String style) {
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return value;
            }
            if (style != null && styles != null) {
                try {
                    XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
                    if (cellStyle != null) {
                        return SpreadsheetCells.number(number, cellStyle.getDataFormat(),
                                cellStyle.getDataFormatString(), date1904);
                    }
                } catch (RuntimeException e) {
                    // An unreadable style: the number as such.
                }
            }
            try {
                return SpreadsheetCells.plain(new java.math.BigDecimal(value.strip()));
            } catch (NumberFormatException e) {
                return SpreadsheetCells.plain(number);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // Closing the stream below is what matters.
            }
            in.close();
        }
    }

    /** "C7" → 2; without a reference, the next column. */
    static int columnIndex(String reference, int next) {
        if (reference == null) {
            return next;
        }
        int column = 0;
        int letters = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
            letters++;
            if (letters > 4) {
                return Integer.MAX_VALUE;
            }
        }
        return letters == 0 ? next : column - 1;
    }
}
