package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.HostileFiles.Xlsx;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.report.Verdict;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static fr.passerelle.quality.engine.HostileFiles.BILLION_LAUGHS;
import static fr.passerelle.quality.engine.HostileFiles.VALID_ROWS;
import static fr.passerelle.quality.engine.HostileFiles.bytes;
import static fr.passerelle.quality.engine.HostileFiles.concat;
import static fr.passerelle.quality.engine.HostileFiles.magic;
import static fr.passerelle.quality.engine.HostileFiles.row;
import static fr.passerelle.quality.engine.HostileFiles.sheet;
import static fr.passerelle.quality.engine.HostileFiles.unsigned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken and malicious files, generated here, each answered by a report carrying its French finding:
 * never an exception, never an out-of-memory error. The biggest ones run in a child JVM with a 64 MB
 * heap ({@link #aHundredMegabyteLineAndAMillionColumnsRunInSixtyFourMegabytes}).
 */
class HostileInputTest {

    private static final String HEADER = TestSchemas.EQUIPEMENTS_HEADER;
    private static final String VALID_ROW = "E-1,Piscine,80,,,,";
    private static final int MB = 1024 * 1024;

    /** What the report must say: a finding of {@code code} whose message holds {@code fragment}, or a readable file. */
    record Expect(ErrorCode code, String fragment, long rows, long validRows) {

        static Expect finding(ErrorCode code, String fragment) {
            return new Expect(code, fragment, -1, -1);
        }

        /** Read as a table, with these counts and no finding of the reading kinds. */
        static Expect readable(long rows, long validRows) {
            return new Expect(null, null, rows, validRows);
        }
    }

    private static Arguments file(String name, Supplier<byte[]> content, Expect expect) {
        return Arguments.of(name, content, expect);
    }

    static Stream<Arguments> corpus() {
        List<Arguments> files = new ArrayList<>();
        csv(files);
        encodings(files);
        disguised(files);
        workbooks(files);
        json(files);
        return files.stream();
    }

    private static void csv(List<Arguments> files) {
        Expect cellTooLong = Expect.finding(ErrorCode.SOURCE_ERROR, "une cellule y dépasse");
        files.add(file("csv: one 3 MB line without a newline", () -> bytes("x".repeat(3 * MB)), cellTooLong));
        files.add(file("csv: a 3 MB data line after the header", () -> bytes(HEADER + "\n" + "y".repeat(3 * MB) + "\n"),
                cellTooLong));
        files.add(file("csv: a 3 MB quoted cell", () -> bytes(HEADER + "\nE-1,\"" + "z".repeat(3 * MB) + "\",80,,,,\n"),
                cellTooLong));
        files.add(file("csv: a 1 MB header label", () -> bytes("id," + "n".repeat(MB + 10) + "\n" + VALID_ROW + "\n"),
                cellTooLong));
        files.add(file("csv: a quote never closed over 2 MB",
                () -> bytes(HEADER + "\nE-1,\"Piscine,80,,,,\n" + (VALID_ROW + "\n").repeat(2 * MB / 18)), cellTooLong));
        files.add(file("csv: 20 000 cells in a data row", () -> bytes(HEADER + "\n" + "a,".repeat(20_000) + "\n"),
                cellTooLong));
        files.add(file("csv: a million columns in the header", () -> bytes(",".repeat(1_000_000) + "\n" + VALID_ROW),
                cellTooLong));
        files.add(file("csv: two million columns of semicolons", () -> bytes(HEADER + "\n" + ";".repeat(2_000_000)),
                cellTooLong));
        files.add(file("csv: a million tab-separated columns",
                () -> bytes(HEADER.replace(',', '\t') + "\n" + "\t".repeat(1_000_000)), cellTooLong));
        files.add(file("csv: 8 MB of quotes", () -> bytes(HEADER + "\n" + "\"".repeat(8 * MB)), cellTooLong));
        files.add(file("csv: mixed CRLF, LF and CR line endings",
                () -> bytes(HEADER + "\r\nE-1,Piscine,80,,,,\nE-2,Stade,90,,,,\rE-3,Gymnase,10,,,,\r\n"),
                Expect.readable(3, 3)));
        files.add(file("csv: old Mac CR line endings only",
                () -> bytes(HEADER + "\rE-1,Piscine,80,,,,\rE-2,Stade,90,,,,\r"), Expect.readable(2, 2)));
        files.add(file("csv: a quote in the middle of a bare cell", () -> bytes(HEADER + "\nE-1,Pis\"cine,80,,,,\n"),
                Expect.readable(1, 1)));
        files.add(file("csv: text after a closing quote", () -> bytes(HEADER + "\nE-1,\"Pis\"cine,80,,,,\n"),
                Expect.readable(1, 1)));
        files.add(file("csv: a quote never closed, short", () -> bytes(HEADER + "\nE-1,\"Piscine,80,,,,\nE-2,Stade,80,,,,\n"),
                Expect.finding(ErrorCode.MISSING_CELL, "la cellule manque")));
        files.add(file("csv: 200 000 blank lines", () -> bytes("\n".repeat(200_000)),
                Expect.finding(ErrorCode.EMPTY_FILE, "que des lignes vides")));
        files.add(file("csv: only delimiters", () -> bytes(",,,,,,\n".repeat(1000)),
                Expect.finding(ErrorCode.EMPTY_FILE, "que des lignes vides")));
        files.add(file("csv: only spaces and tabs", () -> bytes(" \t \t\n".repeat(100)),
                Expect.finding(ErrorCode.EMPTY_FILE, "que des lignes vides")));
        files.add(file("csv: empty", () -> new byte[0], Expect.finding(ErrorCode.EMPTY_FILE, "Le fichier est vide.")));
        files.add(file("csv: a UTF-8 byte-order mark alone", () -> unsigned(0xEF, 0xBB, 0xBF),
                Expect.finding(ErrorCode.EMPTY_FILE, "Le fichier est vide.")));
        files.add(file("csv: the header alone", () -> bytes(HEADER),
                Expect.finding(ErrorCode.EMPTY_FILE, "que la ligne des noms de colonnes")));
        files.add(file("csv: control characters and ANSI escapes in cells",
                () -> bytes(HEADER + "\nE-1,\u001B[31mPiscine\u001B[0m\u0007,80,,,,\n"), Expect.readable(1, 1)));
        files.add(file("csv: right-to-left override in a cell", () -> bytes(HEADER + "\nE-1,Piscine\u202Evsc.exe,80,,,,\n"),
                Expect.readable(1, 1)));
        files.add(file("csv: formulas in cells (kept: the portal neutralises them)",
                () -> bytes(HEADER + "\nE-1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",80,,,,\nE-2,@SUM(A1),80,,,,\n"),
                Expect.readable(2, 2)));
    }

    private static void encodings(List<Arguments> files) {
        byte[] accents = bytes(HEADER + "\nE-1,Théâtre à l'été,80,,,,\nE-2,Équipé,80,,,,\nE-3,");
        byte[] tail = bytes(",80,,,,\n");
        Expect unreadable = Expect.finding(ErrorCode.ENCODING_ERROR, "caractères du fichier sont illisibles");
        files.add(file("utf-8: a lone continuation byte", () -> concat(accents, unsigned(0x80), tail), unreadable));
        files.add(file("utf-8: an overlong slash", () -> concat(accents, unsigned(0xC0, 0xAF), tail), unreadable));
        files.add(file("utf-8: an encoded surrogate", () -> concat(accents, unsigned(0xED, 0xA0, 0x80), tail), unreadable));
        files.add(file("utf-8: a sequence cut short", () -> concat(accents, unsigned(0xE2, 0x82), tail), unreadable));
        files.add(file("utf-8: bytes 0xFE 0xFF", () -> concat(accents, unsigned(0xFE, 0xFF), tail), unreadable));
        files.add(file("utf-8: a five-byte sequence", () -> concat(accents, unsigned(0xF8, 0x88, 0x80, 0x80, 0x80), tail),
                unreadable));
        files.add(file("utf-8: a code point over U+10FFFF", () -> concat(accents, unsigned(0xF4, 0x90, 0x80, 0x80), tail),
                unreadable));
        files.add(file("utf-8 with BOM: Windows-1252 bytes after it",
                () -> concat(unsigned(0xEF, 0xBB, 0xBF), bytes(HEADER + "\nE-1,Th"), unsigned(0xE9), tail), unreadable));
        files.add(file("utf-16 with BOM: an odd byte at the end",
                () -> concat(unsigned(0xFF, 0xFE), (HEADER + "\n" + VALID_ROW + "\n").getBytes(StandardCharsets.UTF_16LE),
                        unsigned(0x41)), unreadable));
        files.add(file("windows-1252: one of its five undefined bytes",
                () -> concat(bytes(HEADER + "\nE-1,Salle "), unsigned(0x81), tail), unreadable));
        files.add(file("text: NUL bytes in the first kilobytes", () -> bytes(HEADER + "\nE-1,Pis\0\0cine,80,,,,\n"),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "n'est pas un fichier texte CSV")));
        files.add(file("text: NUL bytes far down the file",
                () -> bytes(HEADER + "\n" + (VALID_ROW + "\n").repeat(1000) + "E-2,Sta\0\0de,80,,,,\n"),
                Expect.finding(ErrorCode.ENCODING_ERROR, "caractères nuls")));
        files.add(file("text: only NUL bytes", () -> new byte[4096],
                Expect.finding(ErrorCode.UNREADABLE_FILE, "n'est pas un fichier texte CSV")));
        files.add(file("utf-16 without BOM", () -> (HEADER + "\n" + VALID_ROW).getBytes(StandardCharsets.UTF_16LE),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "n'est pas un fichier texte CSV")));
    }

    private static void disguised(List<Arguments> files) {
        Expect notText = Expect.finding(ErrorCode.UNREADABLE_FILE, "n'est pas un fichier texte CSV");
        Expect image = Expect.finding(ErrorCode.UNREADABLE_FILE, "est une image");
        files.add(file("named .csv: a PNG", () -> magic(unsigned(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A), 2048), image));
        files.add(file("named .csv: a JPEG", () -> magic(unsigned(0xFF, 0xD8, 0xFF, 0xE0), 2048), image));
        files.add(file("named .csv: a GIF", () -> magic(bytes("GIF89a"), 2048), image));
        files.add(file("named .csv: a TIFF", () -> magic(unsigned(0x49, 0x49, 0x2A, 0x00), 2048), image));
        files.add(file("named .csv: a WebP", () -> magic(bytes("RIFF\0\0\0\0WEBPVP8 "), 2048), image));
        files.add(file("named .csv: a PDF", () -> bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "document PDF")));
        files.add(file("named .csv: an ELF executable", () -> magic(unsigned(0x7F, 'E', 'L', 'F', 2, 1, 1, 0), 4096), notText));
        files.add(file("named .csv: a Windows executable", () -> magic(unsigned('M', 'Z', 0x90, 0x00, 0x03, 0x00), 4096),
                notText));
        files.add(file("named .csv: a gzip archive", () -> magic(unsigned(0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0), 4096), notText));
        files.add(file("named .csv: a 7z archive", () -> magic(unsigned('7', 'z', 0xBC, 0xAF, 0x27, 0x1C, 0x00, 0x04), 4096),
                notText));
        files.add(file("named .csv: a RAR archive", () -> magic(unsigned('R', 'a', 'r', '!', 0x1A, 0x07, 0x00), 4096), notText));
        files.add(file("named .csv: a SQLite database", () -> magic(bytes("SQLite format 3\0"), 4096), notText));
        files.add(file("named .csv: a Java class", () -> magic(unsigned(0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 0x3D), 4096), notText));
        files.add(file("named .csv: a ZIP of text files",
                () -> HostileFiles.zip(Map.of("donnees.csv", bytes(HEADER + "\n" + VALID_ROW + "\n"))),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "archive ZIP qui n'est pas un classeur")));
        files.add(file("named .csv: an empty ZIP", () -> HostileFiles.zip(Map.of()),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "archive ZIP qui n'est pas un classeur")));
        files.add(file("named .csv: a ZIP holding an XLSX", () -> HostileFiles.zip(Map.of("classeur.xlsx", Xlsx.valid().build())),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "archive ZIP qui n'est pas un classeur")));
        files.add(file("named .csv: a truncated ZIP", () -> {
            byte[] whole = Xlsx.valid().build();
            return java.util.Arrays.copyOf(whole, whole.length / 2);
        }, Expect.finding(ErrorCode.UNREADABLE_FILE, "endommagée ou incomplète")));
        files.add(file("named .csv: a Word document", () -> HostileFiles.zip(Map.of("[Content_Types].xml", bytes("<Types/>"),
                "word/document.xml", bytes("<document/>"))), Expect.finding(ErrorCode.UNREADABLE_FILE, "document Word")));
        files.add(file("named .csv: an ODS spreadsheet", () -> HostileFiles.zip(Map.of("mimetype",
                bytes("application/vnd.oasis.opendocument.spreadsheet"), "content.xml", bytes("<x/>"))),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "LibreOffice (ODS)")));
        files.add(file("named .csv: an XLSB workbook", () -> HostileFiles.zip(Map.of("xl/workbook.bin", new byte[16])),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "binaire (XLSB)")));
        files.add(file("named .csv: OLE2 header then garbage",
                () -> magic(unsigned(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), 4096),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "ni un classeur que Passerelle sait lire")));
        files.add(file("named .csv: an HTML page", () -> bytes("<!DOCTYPE html><html><body><table><tr><td>id</td></tr>"
                + "</table></body></html>\n"), Expect.finding(ErrorCode.MISSING_LABEL, "est absente du fichier")));
    }

    private static void workbooks(List<Arguments> files) {
        Expect bomb = Expect.finding(ErrorCode.UNREADABLE_FILE, "anormalement compressé");
        Expect dtd = Expect.finding(ErrorCode.UNREADABLE_FILE, "déclarations XML (DOCTYPE ou entités)");
        Expect stopped = Expect.finding(ErrorCode.SOURCE_ERROR, "s'est arrêtée à la ligne");
        Expect dtdInSheet = Expect.finding(ErrorCode.SOURCE_ERROR, "déclarations XML (DOCTYPE ou entités)");
        String xxe = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        String sharedXxe = "<?xml version=\"1.0\"?>" + xxe + "<sst xmlns=\"" + HostileFiles.MAIN_NS
                + "\"><si><t>&xxe;</t></si></sst>";
        files.add(file("xlsx: a sheet of 200 MB of spaces", () -> Xlsx.valid().rawPart("xl/worksheets/sheet1.xml",
                bomb(HostileFiles.SHEET_START + VALID_ROWS, ' ', 200)).build(),
                Expect.finding(ErrorCode.SOURCE_ERROR, "anormalement compressé")));
        files.add(file("xlsx: shared strings of 200 MB of zeros", () -> Xlsx.valid().sharedStrings("")
                .rawPart("xl/sharedStrings.xml", bomb("<?xml version=\"1.0\"?><sst xmlns=\"" + HostileFiles.MAIN_NS
                        + "\"><si><t>", '0', 200)).build(), bomb));
        files.add(file("xlsx: styles of 200 MB of spaces", () -> Xlsx.valid().rawPart("xl/styles.xml",
                bomb("<?xml version=\"1.0\"?><styleSheet xmlns=\"" + HostileFiles.MAIN_NS + "\">", ' ', 200)).build(),
                Expect.readable(1, 1)));
        files.add(file("xlsx: external entity in a sheet", () -> Xlsx.valid().part("xl/worksheets/sheet1.xml",
                sheet(xxe, row(1, "id", "&xxe;"))).build(), dtdInSheet));
        files.add(file("xlsx: external entity in the shared strings", () -> Xlsx.valid().sharedStrings(sharedXxe).build(), dtd));
        files.add(file("xlsx: external entity in the workbook", () -> Xlsx.valid().part("xl/workbook.xml",
                "<?xml version=\"1.0\"?>" + xxe + "<workbook xmlns=\"" + HostileFiles.MAIN_NS + "\"><sheets>&xxe;</sheets>"
                        + "</workbook>").build(), dtd));
        files.add(file("xlsx: external entity in the content types", () -> Xlsx.valid().part("[Content_Types].xml",
                "<?xml version=\"1.0\"?>" + xxe + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                        + "content-types\">&xxe;</Types>").build(), Expect.finding(ErrorCode.UNREADABLE_FILE, "")));
        files.add(file("xlsx: external DTD fetched over HTTP", () -> Xlsx.valid().part("xl/worksheets/sheet1.xml",
                sheet("<!DOCTYPE worksheet SYSTEM \"http://127.0.0.1:9/evil.dtd\">", VALID_ROWS)).build(),
                dtdInSheet));
        files.add(file("xlsx: billion laughs in a sheet", () -> Xlsx.valid().part("xl/worksheets/sheet1.xml",
                sheet(BILLION_LAUGHS, row(1, "id", "&lol9;"))).build(), dtdInSheet));
        files.add(file("xlsx: billion laughs in the shared strings", () -> Xlsx.valid().sharedStrings(
                "<?xml version=\"1.0\"?>" + BILLION_LAUGHS + "<sst xmlns=\"" + HostileFiles.MAIN_NS
                        + "\"><si><t>&lol9;</t></si></sst>").build(), dtd));
        files.add(file("xlsx: billion laughs in the workbook", () -> Xlsx.valid().part("xl/workbook.xml",
                "<?xml version=\"1.0\"?>" + BILLION_LAUGHS + "<workbook xmlns=\"" + HostileFiles.MAIN_NS
                        + "\"><sheets>&lol9;</sheets></workbook>").build(), dtd));
        files.add(file("xlsx: 5 000 sheets", () -> new Xlsx().sheets(5_000).build(),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "fichiers internes")));
        files.add(file("xlsx: 1 200 sheets", () -> new Xlsx().sheets(1_200).build(),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "feuilles : Passerelle refuse de l'ouvrir")));
        files.add(file("xlsx: a cell in the last column XFD", () -> Xlsx.valid().part("xl/worksheets/sheet1.xml",
                sheet("", VALID_ROWS + "<row r=\"3\"><c r=\"XFD3\"><v>1</v></c></row>")).build(),
                Expect.finding(ErrorCode.SOURCE_ERROR, "au-delà de la colonne")));
        files.add(file("xlsx: a cell reference of seven letters", () -> Xlsx.valid().part("xl/worksheets/sheet1.xml",
                sheet("", VALID_ROWS + "<row r=\"3\"><c r=\"ZZZZZZZ3\"><v>1</v></c></row>")).build(),
                Expect.finding(ErrorCode.SOURCE_ERROR, "au-delà de la colonne")));
        files.add(file("xlsx: a dimension of a whole sheet", () -> Xlsx.valid().part("xl/worksheets/sheet1.xml",
                "<?xml version=\"1.0\"?><worksheet xmlns=\"" + HostileFiles.MAIN_NS + "\"><dimension ref=\"A1:XFD1048576\"/>"
                        + "<sheetData>" + VALID_ROWS + HostileFiles.SHEET_END).build(), Expect.readable(1, 1)));
        files.add(file("xlsx: a row number beyond long", () -> Xlsx.valid().part("xl/worksheets/sheet1.xml",
                sheet("", VALID_ROWS + "<row r=\"99999999999999999999999\"><c><v>1</v></c></row>")).build(),
                Expect.finding(ErrorCode.SOURCE_ERROR, "s'est arrêtée à la ligne")));
        files.add(file("xlsx: a row number that is no number", () -> Xlsx.valid().part("xl/worksheets/sheet1.xml",
                sheet("", VALID_ROWS + "<row r=\"abc\"><c><v>1</v></c></row>")).build(),
                Expect.finding(ErrorCode.SOURCE_ERROR, "s'est arrêtée à la ligne")));
        files.add(file("xlsx: a sheet cut in the middle of a tag", () -> Xlsx.valid().part("xl/worksheets/sheet1.xml",
                HostileFiles.SHEET_START + VALID_ROWS + "<row r=\"3\"><c r=\"A3\" t=\"inl").build(), stopped));
        files.add(file("xlsx: a shared string index out of range", () -> Xlsx.valid().sharedStrings("<?xml version=\"1.0\"?>"
                + "<sst xmlns=\"" + HostileFiles.MAIN_NS + "\"><si><t>x</t></si></sst>").part("xl/worksheets/sheet1.xml",
                sheet("", VALID_ROWS + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>99999999</v></c><c r=\"B3\" t=\"s\"><v>-1</v>"
                        + "</c><c r=\"C3\"><v>5</v></c></row>")).build(),
                Expect.finding(ErrorCode.CONSTRAINT_ERROR, "")));
        files.add(file("xlsx: shared strings declaring two billion strings", () -> Xlsx.valid().sharedStrings(
                "<?xml version=\"1.0\"?><sst xmlns=\"" + HostileFiles.MAIN_NS + "\" count=\"2000000000\" "
                        + "uniqueCount=\"2000000000\"><si><t>x</t></si></sst>").build(), Expect.readable(1, 1)));
        files.add(file("xlsx: 40 MB of shared strings", () -> Xlsx.valid().sharedStrings("")
                .rawPart("xl/sharedStrings.xml", manyStrings(40 * MB)).build(),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "Mo de textes")));
        files.add(file("xlsx: a workbook naming a sheet part that is missing",
                () -> Xlsx.valid().part("xl/worksheets/sheet1.xml", null).build(),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "")));
        files.add(file("xlsx: a sheet that is not XML", () -> Xlsx.valid().part("xl/worksheets/sheet1.xml", "\0\0\0 not xml")
                .build(), stopped));
        files.add(file("xls: a 33 MB workbook", () -> bigXls(33 * MB),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "Le classeur XLS dépasse 32 Mo")));
    }

    private static void json(List<Arguments> files) {
        Expect limits = Expect.finding(ErrorCode.UNREADABLE_FILE, "dépasse les limites de lecture");
        files.add(file("json: 100 000 nested arrays", () -> bytes("[".repeat(100_000) + "]".repeat(100_000)), limits));
        files.add(file("json: an object nested 100 000 deep in a row",
                () -> bytes("[{\"id\":" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "}]"), limits));
        files.add(file("json: a number of a million digits", () -> bytes("[{\"id\":\"E-1\",\"capacite\":" + "9".repeat(1_000_000)
                + "}]"), limits));
        files.add(file("json: a 2 MB string", () -> bytes("[{\"id\":\"E-1\",\"nom\":\"" + "x".repeat(2 * MB) + "\"}]"), limits));
        files.add(file("json: a 2 MB key", () -> bytes("[{\"" + "k".repeat(2 * MB) + "\":1}]"), limits));
        files.add(file("json: one object with 300 000 keys", () -> {
            StringBuilder json = new StringBuilder("[{");
            for (int i = 0; i < 300_000; i++) {
                json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
            }
            return bytes(json.append("}]").toString());
        }, Expect.finding(ErrorCode.UNREADABLE_FILE, "clés différentes")));
        files.add(file("json: one object of two million values", () -> {
            StringBuilder json = new StringBuilder("[{\"id\":\"E-1\",\"nom\":[");
            json.append("0,".repeat(2_000_000));
            return bytes(json.append("0]}]").toString());
        }, Expect.finding(ErrorCode.UNREADABLE_FILE, "démesuré")));
        files.add(file("json: a row that is no object", () -> bytes("[{\"id\":\"E-1\",\"nom\":\"Piscine\",\"capacite\":80},"
                + "[1,2,3]]"), Expect.finding(ErrorCode.SOURCE_ERROR, "n'est pas un objet")));
        files.add(file("json: cut in the middle", () -> bytes("[{\"id\":\"E-1\",\"nom\":\"Piscine\",\"capacite\":80},{\"id\":"),
                Expect.finding(ErrorCode.SOURCE_ERROR, "mal formé")));
        files.add(file("json: garbage after the bracket", () -> bytes("[\u0001\u0002garbage"),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "mal formé")));
        files.add(file("geojson: no features array", () -> bytes("{\"type\":\"FeatureCollection\",\"features\":{}}"),
                Expect.finding(ErrorCode.UNREADABLE_FILE, "ni une liste d'objets")));
        files.add(file("geojson: coordinates nested 10 000 deep", () -> bytes("{\"type\":\"FeatureCollection\",\"features\":"
                + "[{\"type\":\"Feature\",\"properties\":{\"id\":\"E-1\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                + "[".repeat(10_000) + "]".repeat(10_000) + "}}]}"), limits));
    }

    /** A part that starts with {@code start} then repeats {@code filler} for {@code megabytes}: compresses about 1000:1. */
    private static byte[] bomb(String start, char filler, int megabytes) {
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        part.writeBytes(bytes(start));
        byte[] block = String.valueOf(filler).repeat(MB).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < megabytes; i++) {
            part.writeBytes(block);
        }
        return part.toByteArray();
    }

    /** Shared strings of distinct texts, compressing well under the 1:100 bomb guard. */
    private static byte[] manyStrings(int size) {
        StringBuilder xml = new StringBuilder(size + 100).append("<?xml version=\"1.0\"?><sst xmlns=\"")
                .append(HostileFiles.MAIN_NS).append("\">");
        java.util.Random random = new java.util.Random(7);
        while (xml.length() < size) {
            xml.append("<si><t>").append(Long.toString(random.nextLong(), 36)).append("</t></si>");
        }
        return bytes(xml.append("</sst>").toString());
    }

    /** A real XLS, padded with zeros past {@code size}: only its size is hostile. */
    private static byte[] bigXls(int size) {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("Feuille1").createRow(0).createCell(0).setCellValue("id");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return java.util.Arrays.copyOf(out.toByteArray(), size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Timeout(60)
    void eachHostileFileGetsItsFrenchFinding(String name, Supplier<byte[]> content, Expect expect, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("fichier.csv");
        Files.write(file, content.get());

        Checked checked = Checked.run(TestSchemas.equipements(), file);

        QualityReport report = checked.report();
        assertTrue(checked.clean().startsWith(HEADER + "\n"), "the clean file always starts with the header");
        assertEquals(report.errorCount() == 0, report.verdict() == Verdict.VALID, report::toString);
        if (expect.code() == null) {
            assertFalse(report.errorsByCode().containsKey(ErrorCode.UNREADABLE_FILE.code()), report::toString);
            assertFalse(report.errorsByCode().containsKey(ErrorCode.SOURCE_ERROR.code()), report::toString);
            assertEquals(expect.rows(), report.rowCount(), report::toString);
            assertEquals(expect.validRows(), report.validRowCount(), report::toString);
            return;
        }
        assertEquals(Verdict.INVALID, report.verdict(), report::toString);
        List<ValidationError> findings = checked.errors(expect.code());
        assertFalse(findings.isEmpty(), () -> "no " + expect.code().code() + " in " + report);
        assertTrue(findings.stream().anyMatch(error -> error.message().contains(expect.fragment())),
                () -> "no message with « " + expect.fragment() + " » in " + findings);
        for (ValidationError finding : findings) {
            assertTrue(finding.message().length() < 1_000, "a finding stays short, whatever the file holds");
            assertFalse(finding.message().contains("Exception"), finding::message);
            assertFalse(finding.message().contains("root:"), "no file of the server leaks into a report");
        }
    }

    @Test
    void theCorpusHoldsAtLeastSixtyDistinctFiles() {
        assertTrue(corpus().count() >= 60, "corpus size: " + corpus().count());
    }

    @Test
    void nulBytesAreDroppedFromTheCleanFile() {
        Checked checked = Checked.run(TestSchemas.equipements(),
                HEADER + "\n" + (VALID_ROW + "\n").repeat(1000) + "E-2,Sta\0\0de,80,,,,\n");

        assertTrue(checked.cleanLines().contains("E-2,Stade,80,,,,"), checked::clean);
        assertFalse(checked.clean().contains("\0"));
    }

    @Test
    void aDamagedUtf8FileIsStillReadAsUtf8() {
        byte[] raw = concat(bytes(HEADER + "\nE-1,Théâtre,80,,,,\nE-2,Sta"), unsigned(0xFF), bytes("de,80,,,,\n"));

        Checked checked = Checked.run(TestSchemas.equipements(), raw);

        assertEquals("UTF-8", checked.report().encoding());
        assertEquals("E-1,Théâtre,80,,,,", checked.cleanLines().get(1), "accents are not turned into mojibake");
    }

    @Test
    void anXxeNeverReadsTheServersFiles(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "mot-de-passe-du-serveur");
        String xxe = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
        Path file = dir.resolve("classeur.xlsx");
        Files.write(file, Xlsx.valid().part("xl/worksheets/sheet1.xml", sheet(xxe, VALID_ROWS
                + row(3, "&xxe;", "&xxe;", "1"))).build());

        Checked checked = Checked.run(TestSchemas.equipements(), file);

        assertFalse(checked.clean().contains("mot-de-passe"), checked::clean);
        assertFalse(checked.report().toString().contains("mot-de-passe"));
        assertEquals(Verdict.INVALID, checked.report().verdict());
    }

    // Under a small heap, in a child JVM

    @Test
    @Timeout(300)
    void aHundredMegabyteLineAndAMillionColumnsRunInSixtyFourMegabytes(@TempDir Path dir) throws Exception {
        Path line = dir.resolve("une-ligne.csv");
        try (OutputStream out = Files.newOutputStream(line)) {
            out.write(bytes(HEADER + "\n"));
            byte[] block = bytes("x".repeat(MB));
            for (int i = 0; i < 100; i++) {
                out.write(block);
            }
        }
        Path columns = dir.resolve("colonnes.csv");
        try (OutputStream out = Files.newOutputStream(columns)) {
            out.write(bytes(HEADER + "\n"));
            byte[] block = bytes(",".repeat(MB));
            for (int i = 0; i < 3; i++) {
                out.write(block);
            }
        }
        Map<Path, String> expected = new LinkedHashMap<>();
        expected.put(line, "source-error");
        expected.put(columns, "source-error");
        assertRunsUnder("64m", expected);
    }

    @Test
    @Timeout(300)
    void theLargestSharedStringsAllowedFitAQuarterGigabyteHeap(@TempDir Path dir) throws Exception {
        // The worst content for the heap: one-letter strings, the most String objects per megabyte.
        Path tiny = dir.resolve("petites-chaines.xlsx");
        int count = (int) ((32L * MB - 200) / "<si><t>a</t></si>".length());
        Files.write(tiny, Xlsx.valid().sharedStrings("").rawPart("xl/sharedStrings.xml", bytes("<?xml version=\"1.0\"?><sst "
                + "xmlns=\"" + HostileFiles.MAIN_NS + "\">" + "<si><t>a</t></si>".repeat(count) + "</sst>")).build());
        Path over = dir.resolve("trop-de-chaines.xlsx");
        Files.write(over, Xlsx.valid().sharedStrings("").rawPart("xl/sharedStrings.xml", manyStrings(40 * MB)).build());

        Map<Path, String> expected = new LinkedHashMap<>();
        expected.put(tiny, "VALID");
        expected.put(over, "Mo de textes");
        assertRunsUnder("256m", expected);
    }

    /** Runs each file in one child JVM with {@code heap}; each line of its output must hold the expected text. */
    private static void assertRunsUnder(String heap, Map<Path, String> expected) throws Exception {
        List<String> output = SmallHeap.run(heap, SmallHeapCheck.class, expected.keySet().stream().map(Path::toString)
                .toList()).stream().filter(line -> line.startsWith(SmallHeapCheck.PREFIX)).toList();

        assertEquals(expected.size(), output.size(), () -> String.join("\n", output));
        int i = 0;
        for (Map.Entry<Path, String> entry : expected.entrySet()) {
            String result = output.get(i++);
            assertTrue(result.startsWith(SmallHeapCheck.PREFIX + entry.getKey().getFileName() + " "), result);
            assertFalse(result.contains("CRASH"), result);
            assertTrue(result.contains(entry.getValue()), result);
        }
    }
}
