package fr.passerelle.quality.engine.annotate;

import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.report.ValidationError;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The annotated workbook, streamed with POI's SXSSF: only a window of rows stays in memory, the others go to
 * compressed temporary files until the workbook is written.
 * <ul>
 *     <li>« Fichier annoté »: « ligne » (the row's number in the file sent), « erreurs » (the marker of the
 *     problems of the whole row), then the data; bad cells in light red with a comment (message and hint);</li>
 *     <li>« Erreurs »: every finding, with a link to its cell;</li>
 *     <li>« À lire »: how to read the workbook, and what was left out at the limits of the format.</li>
 * </ul>
 * The links are {@code HYPERLINK} formulas rather than POI hyperlinks: SXSSF keeps hyperlinks (and comments) of a
 * sheet in memory, a formula is streamed like any cell. Comments are capped for the same reason.
 */
final class XlsxAnnotatedTable implements AnnotatedTable {

    static final String DATA_SHEET = "Fichier annoté";
    static final String ERRORS_SHEET = "Erreurs";
    static final String README_SHEET = "À lire";
    static final String ROW_COLUMN = "ligne";
    static final String ERRORS_COLUMN = "erreurs";
    static final List<String> ERRORS_HEADER = List.of("ligne", "colonne", "code", "valeur", "message", "conseil",
            "cellule");
    /** The data start after « ligne » and « erreurs ». */
    static final int FIRST_DATA_COLUMN = 2;
    /**
     * Cells given a comment; the next bad cells are only filled. SXSSF keeps the comments in memory and writes them
     * (their VML shapes) in one piece at the end: 10,000 did not fit in 64 MB of heap, and took 1 ms of CPU each.
     * Nobody reads thousands of comments anyway: « Erreurs » lists every finding.
     */
    static final int MAX_COMMENTS = 5_000;
    /** Excel's « remplissage rouge clair ». */
    static final byte[] LIGHT_RED = {(byte) 0xFF, (byte) 0xC7, (byte) 0xCE};
    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int MAX_COLUMNS = SpreadsheetVersion.EXCEL2007.getMaxColumns();
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    /** Rows kept in memory per sheet before being flushed to the temporary file. */
    private static final int ROW_WINDOW = 100;

    private final OutputStream out;
    private final int maxRows;
    private final int maxComments;
    private final SXSSFWorkbook book;
    private final SXSSFSheet data;
    private final SXSSFSheet errors;
    private final SXSSFSheet readme;
    private final Drawing<?> drawing;
    private final CreationHelper factory;
    private final CellStyle headerStyle;
    private final CellStyle badHeaderStyle;
    private final CellStyle badStyle;
    private final CellStyle linkStyle;
    private int dataRows;
    private int errorRows;
    private int comments;
    private long commentsLeftOut;
    private long rowsLeftOut;
    private long firstRowLeftOut;
    private long findingsLeftOut;
    private boolean textCut;
    private boolean columnsCut;

    XlsxAnnotatedTable(OutputStream out) {
        this(out, MAX_ROWS, MAX_COMMENTS);
    }

    /** With smaller limits than the format's, to see what happens at them without a million rows. */
    XlsxAnnotatedTable(OutputStream out, int maxRows, int maxComments) {
        this.out = out;
        this.maxRows = maxRows;
        this.maxComments = maxComments;
        this.book = new SXSSFWorkbook(ROW_WINDOW);
        book.setCompressTempFiles(true);
        this.factory = book.getCreationHelper();
        this.data = book.createSheet(DATA_SHEET);
        this.errors = book.createSheet(ERRORS_SHEET);
        this.readme = book.createSheet(README_SHEET);
        this.drawing = data.createDrawingPatriarch();
        Font bold = book.createFont();
        bold.setBold(true);
        this.headerStyle = book.createCellStyle();
        headerStyle.setFont(bold);
        this.badHeaderStyle = filled(book.createCellStyle());
        badHeaderStyle.setFont(bold);
        this.badStyle = filled(book.createCellStyle());
        Font link = book.createFont();
        link.setUnderline(Font.U_SINGLE);
        link.setColor(IndexedColors.BLUE.getIndex());
        this.linkStyle = book.createCellStyle();
        linkStyle.setFont(link);
        writeErrorsHeader();
    }

    private static CellStyle filled(CellStyle style) {
        ((XSSFCellStyle) style).setFillForegroundColor(new XSSFColor(LIGHT_RED, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private void writeErrorsHeader() {
        Row header = errors.createRow(errorRows++);
        for (int i = 0; i < ERRORS_HEADER.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(ERRORS_HEADER.get(i));
            cell.setCellStyle(headerStyle);
        }
        errors.createFreezePane(0, 1);
        int[] widths = {8, 20, 16, 20, 70, 70, 10};
        for (int i = 0; i < widths.length; i++) {
            errors.setColumnWidth(i, widths[i] * 256);
        }
    }

    @Override
    public void header(AnnotatedLayout layout, List<PlacedFinding> findings) {
        Row header = data.createRow(dataRows++);
        List<String> labels = new ArrayList<>(layout.labels().size() + FIRST_DATA_COLUMN);
        labels.add(ROW_COLUMN);
        labels.add(ERRORS_COLUMN);
        labels.addAll(layout.labels());
        for (int i = 0; i < labels.size() && i < MAX_COLUMNS; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(text(labels.get(i)));
            cell.setCellStyle(headerStyle);
        }
        columnsCut |= labels.size() > MAX_COLUMNS;
        data.createFreezePane(FIRST_DATA_COLUMN, 1);
        data.setColumnWidth(0, 8 * 256);
        data.setColumnWidth(1, 40 * 256);
        for (int i = FIRST_DATA_COLUMN; i < labels.size() && i < MAX_COLUMNS && i < 1_000; i++) {
            data.setColumnWidth(i, 18 * 256);
        }
        markCells(header, findings, badHeaderStyle);
        for (PlacedFinding placed : findings) {
            list(placed.finding(), placed.columns().isEmpty() ? null
                    : cellAddress(header.getRowNum(), FIRST_DATA_COLUMN + placed.columns().get(0)));
        }
    }

    @Override
    public void row(TableRow row, List<String> cells, List<PlacedFinding> findings) {
        if (dataRows >= maxRows) {
            if (rowsLeftOut++ == 0) {
                firstRowLeftOut = row.number();
            }
            findings.forEach(placed -> list(placed.finding(), null));
            return;
        }
        Row annotated = data.createRow(dataRows++);
        annotated.createCell(0).setCellValue(row.number());
        for (int i = 0; i < cells.size(); i++) {
            if (FIRST_DATA_COLUMN + i >= MAX_COLUMNS) {
                columnsCut = true;
                break;
            }
            annotated.createCell(FIRST_DATA_COLUMN + i).setCellValue(text(cells.get(i)));
        }
        markCells(annotated, findings, badStyle);
        markRow(annotated, findings);
        for (PlacedFinding placed : findings) {
            int column = placed.columns().isEmpty() ? 1 : FIRST_DATA_COLUMN + placed.columns().get(0);
            list(placed.finding(), cellAddress(annotated.getRowNum(), column));
        }
    }

    /** Fills each cell a finding marks, and comments it with the messages and hints of its findings. */
    private void markCells(Row row, List<PlacedFinding> findings, CellStyle style) {
        Map<Integer, StringBuilder> notesByColumn = new TreeMap<>();
        for (PlacedFinding placed : findings) {
            for (int column : placed.columns()) {
                StringBuilder note = notesByColumn.computeIfAbsent(FIRST_DATA_COLUMN + column, key -> new StringBuilder());
                if (!note.isEmpty()) {
                    note.append("\n\n");
                }
                note.append(placed.finding().message()).append("\n→ ").append(placed.finding().hint());
            }
        }
        notesByColumn.forEach((column, note) -> {
            if (column >= MAX_COLUMNS) {
                columnsCut = true;
                return;
            }
            Cell cell = row.getCell(column);
            if (cell == null) {
                cell = row.createCell(column);
            }
            cell.setCellStyle(style);
            if (comments < maxComments) {
                comments++;
                cell.setCellComment(comment(row.getRowNum(), column, note.toString()));
            } else {
                commentsLeftOut++;
            }
        });
    }

    private Comment comment(int row, int column, String text) {
        // The anchor's top left cell is the comment's cell: POI files the comment under it.
        ClientAnchor anchor = factory.createClientAnchor();
        anchor.setCol1(column);
        anchor.setCol2(Math.min(column + 4, MAX_COLUMNS - 1));
        anchor.setRow1(row);
        anchor.setRow2(Math.min(row + 6, MAX_ROWS - 1));
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(factory.createRichTextString(text(text)));
        comment.setAuthor("Passerelle");
        return comment;
    }

    /** « erreurs »: the messages of the findings about the whole row, else how many cells are wrong. */
    private void markRow(Row row, List<PlacedFinding> findings) {
        List<String> rowMessages = new ArrayList<>();
        long cellFindings = 0;
        for (PlacedFinding placed : findings) {
            if (placed.rowLevel()) {
                rowMessages.add(placed.finding().message());
            } else {
                cellFindings++;
            }
        }
        if (!rowMessages.isEmpty()) {
            Cell marker = row.createCell(1);
            marker.setCellValue(text(String.join("\n", rowMessages)));
            marker.setCellStyle(badStyle);
        } else if (cellFindings > 0) {
            row.createCell(1).setCellValue(cellFindings == 1 ? "1 cellule en erreur" : cellFindings + " cellules en erreur");
        }
    }

    @Override
    public void unplaced(ValidationError finding) {
        list(finding, null);
    }

    /** One line of « Erreurs », linking to {@code cellAddress} (on « Fichier annoté ») when there is one. */
    private void list(ValidationError finding, String cellAddress) {
        if (errorRows >= maxRows) {
            findingsLeftOut++;
            return;
        }
        Row row = errors.createRow(errorRows++);
        if (finding.rowNumber() != ValidationError.WHOLE_FILE) {
            row.createCell(0).setCellValue(finding.rowNumber());
        }
        row.createCell(1).setCellValue(text(orEmpty(finding.field())));
        row.createCell(2).setCellValue(finding.code().code());
        row.createCell(3).setCellValue(text(orEmpty(finding.value())));
        row.createCell(4).setCellValue(text(finding.message()));
        row.createCell(5).setCellValue(text(finding.hint()));
        if (cellAddress != null) {
            Cell link = row.createCell(6);
            link.setCellFormula("HYPERLINK(\"#'" + DATA_SHEET + "'!" + cellAddress + "\",\"" + cellAddress + "\")");
            link.setCellStyle(linkStyle);
        }
    }

    @Override
    public void finish() throws IOException {
        writeReadme();
        // The links are formulas written without a cached value: have them computed on opening.
        book.setForceFormulaRecalculation(true);
        // POI closes the stream it writes to; the caller owns it.
        book.write(new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
        out.flush();
    }

    private void writeReadme() {
        List<String> notes = notes();
        List<String> lines = new ArrayList<>(List.of(
                "Fichier annoté par Passerelle : le fichier tel qu'il a été lu, avec ses erreurs.",
                "Feuille « " + DATA_SHEET + " » : les colonnes du schéma d'abord, dans l'ordre du schéma, puis les autres "
                        + "colonnes du fichier. Les cellules en erreur sont sur fond rouge clair : leur commentaire dit ce qui "
                        + "ne va pas et comment le corriger.",
                "La colonne « " + ROW_COLUMN + " » donne le numéro de la ligne dans le fichier envoyé ; la colonne « "
                        + ERRORS_COLUMN + " » signale les problèmes de toute la ligne (ligne en double, cellule manquante "
                        + "ou en trop, identifiant en double ou vide).",
                "Feuille « " + ERRORS_SHEET + " » : chaque erreur, avec un lien vers sa cellule."));
        lines.addAll(notes);
        readme.setColumnWidth(0, 150 * 256);
        for (int i = 0; i < lines.size(); i++) {
            Cell cell = readme.createRow(i).createCell(0);
            cell.setCellValue(lines.get(i));
            if (i == 0 || i >= lines.size() - notes.size()) {
                cell.setCellStyle(headerStyle);
            }
        }
        if (!notes.isEmpty()) {
            // What was left out must be read first: the workbook opens on this sheet.
            data.setSelected(false);
            readme.setSelected(true);
            book.setActiveSheet(book.getSheetIndex(readme));
        }
    }

    /** French sentences on what the workbook could not hold. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (rowsLeftOut > 0) {
            notes.add(String.format(Locale.FRANCE, "Attention : une feuille XLSX ne peut pas dépasser %,d lignes. "
                    + "L'annotation s'arrête avant la ligne %d du fichier : %s dans la feuille « %s », %s dans la "
                    + "feuille « %s ».", maxRows, firstRowLeftOut,
                    rowsLeftOut == 1 ? "cette ligne ne figure pas" : String.format(Locale.FRANCE,
                            "les %,d lignes à partir de celle-ci ne figurent pas", rowsLeftOut),
                    DATA_SHEET, rowsLeftOut == 1 ? "ses erreurs sont" : "leurs erreurs sont", ERRORS_SHEET));
        }
        if (findingsLeftOut > 0) {
            notes.add(String.format(Locale.FRANCE, "Attention : la feuille « %s » est pleine, %s. Téléchargez la liste "
                    + "complète des erreurs (CSV) pour les voir toutes.", ERRORS_SHEET, findingsLeftOut == 1
                    ? "la dernière erreur n'y figure pas"
                    : String.format(Locale.FRANCE, "les %,d dernières erreurs n'y figurent pas", findingsLeftOut)));
        }
        if (commentsLeftOut > 0) {
            notes.add(String.format(Locale.FRANCE, "Attention : seules les %,d premières cellules en erreur ont un "
                    + "commentaire ; %s seulement sur fond rouge clair. La feuille « %s » donne le message de chacune.",
                    maxComments, commentsLeftOut == 1 ? "la suivante est"
                            : String.format(Locale.FRANCE, "les %,d suivantes sont", commentsLeftOut), ERRORS_SHEET));
        }
        if (textCut) {
            notes.add(String.format(Locale.FRANCE, "Attention : des cellules dépassaient %,d caractères, la limite "
                    + "d'une cellule XLSX : leur texte est coupé.", MAX_TEXT));
        }
        if (columnsCut) {
            notes.add(String.format(Locale.FRANCE, "Attention : une feuille XLSX ne peut pas dépasser %,d colonnes : "
                    + "les colonnes suivantes ne figurent pas dans la feuille « %s ».", MAX_COLUMNS, DATA_SHEET));
        }
        return notes;
    }

    private String text(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        textCut = true;
        return text.substring(0, MAX_TEXT - 1) + "…";
    }

    private static String cellAddress(int row, int column) {
        return new CellReference(row, column).formatAsString(false);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    @Override
    public void close() throws IOException {
        // Deletes the temporary files, written or not. Not close(): on a workbook made from scratch it saves the
        // package again, in memory, for nothing.
        book.dispose();
    }
}
