package fr.passerelle.quality.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds the hostile files of {@link HostileInputTest}: raw bytes, and XLSX packages with forged parts. */
final class HostileFiles {

    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN_NS
            + "\"><sheetData>";
    static final String SHEET_END = "</sheetData></worksheet>";
    /** The header and one valid row of {@link TestSchemas#equipements()}, as inline strings and numbers. */
    static final String VALID_ROWS = row(1, "id", "nom", "capacite", "ouverture", "gratuit", "tarif", "contact")
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>E-1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>Piscine"
            + "</t></is></c><c r=\"C2\"><v>80</v></c></row>";
    static final String BILLION_LAUGHS = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
            + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
            + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
            + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
            + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
            + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
            + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>";

    private HostileFiles() {
    }

    static String row(int number, String... texts) {
        StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
        for (int i = 0; i < texts.length; i++) {
            row.append("<c r=\"").append((char) ('A' + i)).append(number).append("\" t=\"inlineStr\"><is><t>")
                    .append(texts[i]).append("</t></is></c>");
        }
        return row.append("</row>").toString();
    }

    /** A sheet part holding {@code rows}, with an optional prolog (a DOCTYPE) after the XML declaration. */
    static String sheet(String prolog, String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + prolog + "<worksheet xmlns=\"" + MAIN_NS + "\"><sheetData>"
                + rows + SHEET_END;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] unsigned(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** A magic number followed by filler: what a file of that kind starts with. */
    static byte[] magic(byte[] head, int size) {
        byte[] file = new byte[size];
        System.arraycopy(head, 0, file, 0, head.length);
        for (int i = head.length; i < size; i++) {
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

    /** An XLSX package: {@code sheets} sheet parts, then the overrides (a part's text, or null to drop it). */
    static final class Xlsx {

        private final Map<String, String> parts = new LinkedHashMap<>();
        private final Map<String, byte[]> raw = new LinkedHashMap<>();
        private int sheets = 1;
        private boolean sharedStrings;

        static Xlsx valid() {
            return new Xlsx().part("xl/worksheets/sheet1.xml", sheet("", VALID_ROWS));
        }

        Xlsx sheets(int count) {
            this.sheets = count;
            return this;
        }

        Xlsx sharedStrings(String xml) {
            this.sharedStrings = true;
            return part("xl/sharedStrings.xml", xml);
        }

        Xlsx part(String name, String xml) {
            parts.put(name, xml);
            return this;
        }

        /** A part written as bytes, e.g. a stream of megabytes built elsewhere. */
        Xlsx rawPart(String name, byte[] content) {
            raw.put(name, content);
            return this;
        }

        byte[] build() {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                    + "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/"
                    + "xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.sheet.main+xml\"/>");
            StringBuilder workbook = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN_NS
                    + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
            StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://"
                    + "schemas.openxmlformats.org/package/2006/relationships\">");
            for (int i = 1; i <= sheets; i++) {
                types.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"application/"
                        + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                workbook.append("<sheet name=\"Feuille").append(i).append("\" sheetId=\"").append(i)
                        .append("\" r:id=\"rId").append(i).append("\"/>");
                rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/"
                        + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
            }
            if (sharedStrings) {
                types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-"
                        + "officedocument.spreadsheetml.sharedStrings+xml\"/>");
                rels.append("<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        + "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
            }
            entries.put("[Content_Types].xml", bytes(types.append("</Types>").toString()));
            entries.put("_rels/.rels", bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://"
                    + "schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                    + "schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    + "Target=\"xl/workbook.xml\"/></Relationships>"));
            entries.put("xl/workbook.xml", bytes(workbook.append("</sheets></workbook>").toString()));
            entries.put("xl/_rels/workbook.xml.rels", bytes(rels.append("</Relationships>").toString()));
            for (int i = 1; i <= sheets; i++) {
                entries.put("xl/worksheets/sheet" + i + ".xml", bytes(sheet("", VALID_ROWS)));
            }
            parts.forEach((name, xml) -> {
                if (xml == null) {
                    entries.remove(name);
                } else {
                    entries.put(name, bytes(xml));
                }
            });
            entries.putAll(raw);
            return zip(entries);
        }
    }
}
