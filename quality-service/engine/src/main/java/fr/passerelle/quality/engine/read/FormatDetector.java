package fr.passerelle.quality.engine.read;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Tells what a raw file holds from its first bytes, the way {@code file(1)} does: the name (often
 * without extension once uploaded) is never trusted.
 */
public final class FormatDetector {

    private static final int HEAD_BYTES = 8 * 1024;
    private static final int[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final int[] EMPTY_ZIP = {0x50, 0x4B, 0x05, 0x06};
    private static final int[] OLE2 = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    private static final int[] PDF = {0x25, 0x50, 0x44, 0x46, 0x2D};
    private static final int[] PNG = {0x89, 0x50, 0x4E, 0x47};
    private static final int[] JPEG = {0xFF, 0xD8, 0xFF};
    private static final int[] GIF = {0x47, 0x49, 0x46, 0x38};
    private static final int[] TIFF_LE = {0x49, 0x49, 0x2A, 0x00};
    private static final int[] TIFF_BE = {0x4D, 0x4D, 0x00, 0x2A};
    private static final int[] UTF8_BOM = {0xEF, 0xBB, 0xBF};

    private FormatDetector() {
    }

    public static SourceFormat detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        if (head.length == 0) {
            return SourceFormat.EMPTY;
        }
        if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) {
            return zipContent(file);
        }
        if (startsWith(head, OLE2)) {
            return oleContent(file);
        }
        if (startsWith(head, PDF)) {
            return SourceFormat.PDF;
        }
        if (startsWith(head, PNG) || startsWith(head, JPEG) || startsWith(head, GIF) || startsWith(head, TIFF_LE)
                || startsWith(head, TIFF_BE) || isWebp(head)) {
            return SourceFormat.IMAGE;
        }
        int first = firstNonBlank(head);
        if (first == '[') {
            return SourceFormat.JSON;
        }
        if (first == '{') {
            return SourceFormat.GEOJSON;
        }
        // Text or other binary: EncodingDetector tells them apart by the NUL bytes.
        return SourceFormat.CSV;
    }

    /** XLSX, ODS, DOCX… are all ZIP archives: the entries tell which. */
    private static SourceFormat zipContent(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean workbook = false;
            boolean binaryWorkbook = false;
            boolean word = false;
            boolean office = false;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                workbook |= name.equals("xl/workbook.xml");
                binaryWorkbook |= name.equals("xl/workbook.bin");
                word |= name.startsWith("word/");
                office |= name.equals("[Content_Types].xml");
            }
            if (workbook) {
                return SourceFormat.XLSX;
            }
            if (binaryWorkbook) {
                return SourceFormat.XLSB;
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String type = new String(in.readNBytes(200), StandardCharsets.US_ASCII);
                    if (type.contains("opendocument.spreadsheet")) {
                        return SourceFormat.ODS;
                    }
                    if (type.contains("opendocument.text")) {
                        return SourceFormat.WORD;
                    }
                }
            }
            if (word) {
                return SourceFormat.WORD;
            }
            return office ? SourceFormat.OTHER_OFFICE : SourceFormat.ZIP;
        } catch (ZipException e) {
            return SourceFormat.DAMAGED_ZIP;
        }
    }

    /** XLS, DOC, and password-protected XLSX are all OLE2 compound files: the streams tell which. */
    private static SourceFormat oleContent(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage")) {
                return SourceFormat.ENCRYPTED_WORKBOOK;
            }
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book")) {
                return SourceFormat.XLS;
            }
            if (root.hasEntry("WordDocument")) {
                return SourceFormat.WORD;
            }
            return SourceFormat.OTHER_OFFICE;
        } catch (IOException | RuntimeException e) {
            return SourceFormat.BINARY;
        }
    }

    private static boolean isWebp(byte[] head) {
        return head.length >= 12 && startsWith(head, new int[]{0x52, 0x49, 0x46, 0x46})
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P';
    }

    /** The first character that is not white space nor a UTF-8 byte-order mark, or -1. */
    private static int firstNonBlank(byte[] head) {
        int i = startsWith(head, UTF8_BOM) ? UTF8_BOM.length : 0;
        for (; i < head.length; i++) {
            int b = head[i] & 0xFF;
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] head, int[] prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
