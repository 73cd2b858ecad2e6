package fr.passerelle.quality.engine.read;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Reads an XLS (Excel 97-2003) workbook. The format holds at most 65 536 rows of 256 columns a
 * sheet, so POI's in-memory model is bounded and simpler than its event API. Bounded in rows, not
 * in bytes (long texts, embedded images): files over {@value #MAX_BYTES} bytes are refused before
 * POI loads them.
 */
final class XlsWorkbook implements Workbook {

    /**
     * HSSF holds the whole workbook, several times its size on disk: 32 MB keeps that under a 256 MB
     * heap. A full XLS sheet of plain values (65 536 rows × 20 columns) is about 10 MB.
     */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private final POIFSFileSystem fs;
    private final HSSFWorkbook workbook;

    private XlsWorkbook(POIFSFileSystem fs, HSSFWorkbook workbook) {
        this.fs = fs;
        this.workbook = workbook;
    }

    static XlsWorkbook open(Path file) throws IOException, UnreadableSourceException {
        if (java.nio.file.Files.size(file) > MAX_BYTES) {
            throw new UnreadableSourceException("Le classeur XLS dépasse " + MAX_BYTES / (1024 * 1024) + " Mo : "
                    + "Passerelle ne charge pas un classeur de l'ancien format aussi gros. Enregistrez-le en XLSX ou en "
                    + "CSV, puis envoyez-le de nouveau.", null);
        }
        POIFSFileSystem fs = null;
        try {
            fs = new POIFSFileSystem(file.toFile(), true);
            return new XlsWorkbook(fs, new HSSFWorkbook(fs.getRoot(), true));
        } catch (EncryptedDocumentException e) {
            close(fs);
            throw new UnreadableSourceException(SourceFormat.ENCRYPTED_WORKBOOK.refusal(), e);
        } catch (IOException | RuntimeException e) {
            close(fs);
            throw new UnreadableSourceException("Le classeur XLS est endommagé ou dans une version trop ancienne "
                    + "d'Excel : Passerelle ne peut pas l'ouvrir. Enregistrez-le en XLSX ou en CSV, puis envoyez-le de "
                    + "nouveau.", e);
        }
    }

    private static void close(POIFSFileSystem fs) throws IOException {
        if (fs != null) {
            fs.close();
        }
    }

    @Override
    public List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return names;
    }

    @Override
    public String formatName() {
        return "XLS";
    }

    @Override
    public SheetSource openSheet(int index) {
        Sheet sheet = workbook.getSheetAt(index);
        boolean date1904 = workbook.getInternalWorkbook().isUsing1904DateWindowing();
        return new SheetSource() {
            private int next = sheet.getFirstRowNum();

            @Override
            public BitSet hiddenColumns() {
                BitSet hidden = new BitSet();
                // The XLS format has 256 columns at most.
                for (int c = 0; c < 256; c++) {
                    if (sheet.isColumnHidden(c)) {
                        hidden.set(c);
                    }
                }
                return hidden;
            }

            @Override
            public MergedRanges mergedRanges() {
                MergedRanges.Collector merged = new MergedRanges.Collector();
                try {
                    for (int i = 0; i < sheet.getNumMergedRegions(); i++) {
                        merged.add(sheet.getMergedRegion(i));
                    }
                } catch (RuntimeException e) {
                    // A damaged merge list merges nothing: the cells are read as stored.
                }
                return merged.collected();
            }

            @Override
            public TableRow next() throws UnreadableSourceException {
                while (next >= 0 && next <= sheet.getLastRowNum()) {
                    Row row = sheet.getRow(next++);
                    if (row != null) {
                        try {
                            return new TableRow(row.getRowNum() + 1L, cells(row, date1904));
                        } catch (RuntimeException e) {
                            next = Integer.MAX_VALUE;
                            throw new UnreadableSourceException(row.getRowNum() + 1L, "La lecture du classeur s'est "
                                    + "arrêtée à la ligne " + (row.getRowNum() + 1) + " : le fichier y est endommagé. "
                                    + "Les lignes suivantes n'ont pas été contrôlées.", e);
                        }
                    }
                }
                return null;
            }

            @Override
            public void close() {
                // The workbook holds the sheet.
            }
        };
    }

    private static List<String> cells(Row row, boolean date1904) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            Cell cell = row.getCell(c);
            cells.add(cell == null ? "" : CellText.trim(text(cell, date1904)));
        }
        return cells;
    }

    private static String text(Cell cell, boolean date1904) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? SpreadsheetCells.number(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                            cell.getCellStyle().getDataFormatString(), date1904)
                    : SpreadsheetCells.plain(cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case ERROR -> errorText(cell.getErrorCellValue());
            default -> "";
        };
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERREUR";
        }
    }

    @Override
    public void close() throws IOException {
        workbook.close();
        fs.close();
    }
}
