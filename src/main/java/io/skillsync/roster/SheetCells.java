package io.skillsync.roster;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A cell's text from what the sheet's XML holds (its type {@code t}, style {@code s} and value), as the same
 * cell would read in a CSV export: 5 stored as 5.0 is "5", a date is its ISO date, TRUE/FALSE, #N/A.
 */
final class SheetCells {

    /** A value the cell cannot have, said without its place: the sheet reader adds the sheet and cell. */
    static final class Problem extends RuntimeException {
        Problem(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Doubles reach 1e308: an exponent far beyond is no number Excel wrote, and printing it whole would be huge. */
    private static final int MOST_SCALE = 400;
    /** 9999-12-31, Excel's last date: beyond it a date-formatted cell shows #### in Excel; here, its number. */
    private static final double PAST_LAST_DATE = 2_958_466;
    private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_UP);
    private static final Pattern MIDNIGHT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T00:00(?::00(?:\\.0+)?)?Z?");

    private final SharedStringTable strings;
    private final CellStyles styles;
    private final boolean date1904;
    private final int maxCellLength;

    SheetCells(SharedStringTable strings, CellStyles styles, boolean date1904, int maxCellLength) {
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
        this.maxCellLength = maxCellLength;
    }

    /** The text of a cell whose {@code <v>} (or inline {@code <is>}) text is value; "" for a blank one. */
    String text(String type, int style, String value) {
        if (value.isEmpty()) {
            return "";
        }
        return switch (type == null ? "n" : type) {
            case "s" -> shared(value);
            case "b" -> "1".equals(value.trim()) ? "TRUE" : "0".equals(value.trim()) ? "FALSE" : value;
            case "d" -> isoDate(value);
            case "n" -> styles.isDate(style) ? date(value) : number(value);
            // str (a formula's text result), inlineStr and e (an error such as #N/A): the text as it is
            default -> value;
        };
    }

    /** A cell of more characters than a record may have, refused at that cell. */
    Problem tooLong(long length) {
        return new Problem("a cell of " + length + " characters, over skillsync.intake.max-record-length ("
                + maxCellLength + ")");
    }

    private String shared(String value) {
        int index;
        try {
            index = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new Problem("a shared-text reference '" + value + "' that is no number: the workbook is damaged");
        }
        if (index < 0 || index >= strings.size()) {
            throw new Problem("refers to shared text " + index + " of the " + strings.size()
                    + " the workbook holds: the workbook is damaged");
        }
        String text = strings.get(index);
        if (text == null) {
            throw tooLong(strings.length(index));
        }
        return text;
    }

    /** The column index of a reference such as "C7" (2); -1 when it starts with no column letter. */
    static int column(String reference) {
        long column = 0;
        int i = 0;
        for (; i < reference.length(); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            // a runaway reference stays a huge column, refused as one, instead of wrapping around
            column = Math.min(column * 26 + (c - 'A' + 1), Integer.MAX_VALUE / 2);
        }
        return (int) column - 1;
    }

    /** A cell's style index (its s attribute); 0, the default style, when it has none or a garbled one. */
    static int style(String index) {
        try {
            return index == null ? 0 : Integer.parseInt(index.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * A whole number without ".0", others in plain decimals (never 1E+3), to the 15 significant digits Excel keeps
     * and shows: a formula's 7.000000000000001 (0.7*10 in binary) is the 7 HR sees.
     */
    static String number(String value) {
        BigDecimal number;
        try {
            number = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return value;
        }
        if (Math.abs((long) number.scale()) > MOST_SCALE || number.precision() > MOST_SCALE) {
            return value;
        }
        BigDecimal shown = number.round(EXCEL_DIGITS);
        return shown.signum() == 0 ? "0" : shown.stripTrailingZeros().toPlainString();
    }

    private String date(String value) {
        double days;
        try {
            days = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return value;
        }
        if (!DateUtil.isValidExcelDate(days) || days >= PAST_LAST_DATE) {
            return number(value);
        }
        LocalDateTime at = DateUtil.getLocalDateTime(days, date1904, true);
        if (at == null) {
            return number(value);
        }
        return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString()
                : at.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /** A date stored as ISO text (t="d"): a midnight time says nothing a date does not, so it is left off. */
    private static String isoDate(String value) {
        Matcher midnight = MIDNIGHT.matcher(value.trim());
        return midnight.matches() ? midnight.group(1) : value.trim();
    }
}
