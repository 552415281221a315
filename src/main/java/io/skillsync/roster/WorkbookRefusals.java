package io.skillsync.roster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.ZipPackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * The workbooks SkillSync will not read, each refused with a reason HR can act on: too large, not an .xlsx at
 * all (an old .xls, an encrypted workbook, text named .xlsx), one carrying macros or links to other workbooks,
 * and a zip bomb (a part that unpacks to gigabytes). Only the file's head and its zip directory are looked at.
 */
final class WorkbookRefusals {

    private static final String SAVE_AS = "save it as .xlsx (Excel Workbook)";

    private WorkbookRefusals() {
    }

    /** Before the zip is opened: its size, and what its first bytes say it is. */
    static void refuseBeforeOpening(Path file, long maxFileSize) {
        try {
            long size = Files.size(file);
            if (size > maxFileSize) {
                throw new UnreadableRosterException("the file is " + size + " bytes, over skillsync.intake.max-file-size ("
                        + maxFileSize + "): split it");
            }
            if (size == 0) {
                throw new UnreadableRosterException("the file is empty: it is no .xlsx workbook");
            }
            FileMagic magic = FileMagic.valueOf(file.toFile());
            if (magic == FileMagic.OLE2) {
                throw new UnreadableRosterException(ole2(file));
            }
            if (magic == FileMagic.BIFF2 || magic == FileMagic.BIFF3 || magic == FileMagic.BIFF4) {
                throw new UnreadableRosterException("the file is a very old Excel workbook (.xls): " + SAVE_AS);
            }
            if (magic != FileMagic.OOXML) {
                throw new UnreadableRosterException("the file is not an .xlsx workbook (it is " + kind(magic)
                        + ", and an .xlsx is a zip archive): " + SAVE_AS + ", or name a CSV export .csv");
            }
        } catch (IOException e) {
            throw new UnreadableRosterException("cannot open the file: " + e.getMessage(), e);
        }
    }

    /** An OLE2 file is either an encrypted .xlsx (the package sealed inside) or an Excel 97-2003 workbook. */
    private static String ole2(Path file) {
        try (POIFSFileSystem ole = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = ole.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptionInfo")) {
                return "the workbook is encrypted (it needs a password to open), so it cannot be read: remove the"
                        + " password (File > Info > Protect Workbook) and " + SAVE_AS;
            }
            if (!root.hasEntryCaseInsensitive("Workbook") && !root.hasEntryCaseInsensitive("Book")) {
                return "the file is an old-format Office document (97-2003), not a workbook: save the roster as .xlsx"
                        + " (Excel Workbook)";
            }
        } catch (IOException | RuntimeException e) {
            // a damaged OLE2 file: still of the old format, which is what HR needs to hear
        }
        return "the file is an old-format Excel 97-2003 workbook (.xls), whatever its name says: " + SAVE_AS;
    }

    private static String kind(FileMagic magic) {
        return switch (magic) {
            case HTML -> "a web page (HTML)";
            case XML -> "XML, such as an 'XML Spreadsheet 2003'";
            case PDF -> "a PDF";
            case RTF, WORD2, MSWRITE -> "a text document";
            case JPEG, GIF, PNG, TIFF, WMF, EMF, BMP -> "an image";
            default -> "plain text or unknown data";
        };
    }

    /** Once open: a spreadsheet's package, no macros, no links to other workbooks, no part that is a zip bomb. */
    static void refuseParts(OPCPackage pkg) throws InvalidFormatException {
        PackageRelationship main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).getRelationship(0);
        if (main == null) {
            throw new UnreadableRosterException(pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT)
                    .getRelationship(0) != null
                    ? "the workbook is saved as 'Strict Open XML Spreadsheet', which SkillSync does not read: " + SAVE_AS
                    : "the file is a zip archive but no Excel workbook: " + SAVE_AS);
        }
        PackagePart workbook = pkg.getPart(main);
        String type = workbook == null ? "" : workbook.getContentType();
        if (type.equals(XSSFRelation.XLSB_BINARY_WORKBOOK.getContentType())) {
            throw new UnreadableRosterException("the workbook is an Excel Binary Workbook (.xlsb), which SkillSync does"
                    + " not read: " + SAVE_AS);
        }
        if (type.toLowerCase(Locale.ROOT).contains("macroenabled")) {
            throw macros();
        }
        if (!type.equals(XSSFRelation.WORKBOOK.getContentType())
                && !type.equals(XSSFRelation.TEMPLATE_WORKBOOK.getContentType())) {
            throw new UnreadableRosterException("the file is an Office document but no Excel workbook (a Word or"
                    + " PowerPoint file?): save the roster as .xlsx (Excel Workbook)");
        }
        for (PackagePart part : pkg.getParts()) {
            String name = part.getPartName().getName().toLowerCase(Locale.ROOT);
            String partType = part.getContentType();
            if (name.endsWith("/vbaproject.bin") || partType.equals(XSSFRelation.VBA_MACROS.getContentType())) {
                throw macros();
            }
            if (name.startsWith("/xl/externallinks/") || partType.equals(XSSFRelation.EXTERNAL_LINKS.getContentType())) {
                throw new UnreadableRosterException("the workbook links to other workbooks (external links), so its"
                        + " values may be stale copies of theirs: break the links (Data > Edit Links > Break Link),"
                        + " check the values and save it again");
            }
            if (part instanceof ZipPackagePart zipped) {
                refuseBomb(zipped.getZipArchive(), part.getPartName().getName());
            }
        }
    }

    private static UnreadableRosterException macros() {
        return new UnreadableRosterException("the workbook is macro-enabled (.xlsm: it carries VBA macros), which"
                + " SkillSync does not open: " + SAVE_AS + ", which leaves the macros out");
    }

    /**
     * The sizes the zip's directory declares, checked against POI's own limits before a byte is unpacked; a
     * part that lies about them is stopped by POI while it is read (then {@link #unreadable} says the same).
     */
    private static void refuseBomb(ZipArchiveEntry entry, String part) {
        long size = entry.getSize();
        long packed = entry.getCompressedSize();
        if (size > ZipSecureFile.getMaxEntrySize()
                || (size > ZipSecureFile.getGraceEntrySize() && packed >= 0
                        && packed < size * ZipSecureFile.getMinInflateRatio())) {
            throw bomb(part);
        }
    }

    private static UnreadableRosterException bomb(String part) {
        return new UnreadableRosterException("the workbook is no normal Excel file: "
                + (part == null ? "one of its parts" : "its part " + part) + " unpacks to more than "
                + Math.round(1 / ZipSecureFile.getMinInflateRatio()) + " times its packed size (a 'zip bomb'), so it"
                + " was refused unread; save the roster again from Excel as .xlsx");
    }

    /** The zip could not be opened as an Office package: no [Content_Types].xml, a damaged directory, a bomb. */
    static UnreadableRosterException notAPackage(Exception failure) {
        UnreadableRosterException bomb = bombIn(failure, null);
        return bomb != null ? bomb : new UnreadableRosterException("the file is a zip archive but no Excel workbook ("
                + detail(failure) + "): " + SAVE_AS, failure);
    }

    /**
     * A failure while reading a part, said plainly; where is e.g. "sheet 'Roster' after row 7", part the zip part
     * being read (null if not known), named if it turns out to be a zip bomb.
     */
    static UnreadableRosterException unreadable(String where, String part, Throwable failure) {
        if (failure instanceof UnreadableRosterException refused) {
            return refused;
        }
        UnreadableRosterException bomb = bombIn(failure, part);
        return bomb != null ? bomb : new UnreadableRosterException(where + " cannot be read (" + detail(failure)
                + "): the file is damaged or no real .xlsx; save it again from Excel as .xlsx (Excel Workbook)", failure);
    }

    /** POI's own zip bomb guard, tripped while a part was being unpacked, said as the check above says it. */
    private static UnreadableRosterException bombIn(Throwable failure, String part) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb detected")) {
                UnreadableRosterException bomb = bomb(part);
                bomb.initCause(failure);
                return bomb;
            }
        }
        return null;
    }

    /** The innermost message's first line: POI's own are several lines long and written for developers. */
    private static String detail(Throwable failure) {
        String detail = failure.getClass().getSimpleName();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                detail = t.getMessage().strip().lines().findFirst().orElse(detail);
            }
        }
        return detail;
    }
}
