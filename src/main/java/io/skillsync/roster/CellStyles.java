package io.skillsync.roster;

import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.InputStream;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Which cell styles (a cell's {@code s}, an index into the styles part's cellXfs) show a date: Excel stores a
 * date as a number of days, and only its number format says it is one. Read with StAX and kept as one bit a
 * style, rather than POI's StylesTable, which loads the whole part as XML objects: its size is the file's.
 */
final class CellStyles {

    /** Excel allows 64,000 cell formats: a styles part with more was not written by Excel. */
    private static final int MOST_STYLES = 65_536;
    /** Excel's format codes are at most 255 characters: a longer one is not even looked at as a date. */
    private static final int LONGEST_FORMAT = 1_000;

    static final CellStyles NONE = new CellStyles(new BitSet());

    private final BitSet dates;

    private CellStyles(BitSet dates) {
        this.dates = dates;
    }

    boolean isDate(int style) {
        return style >= 0 && dates.get(style);
    }

    static CellStyles read(InputStream in) throws XMLStreamException {
        XMLStreamReader xml = StaxInput.open(in);
        try {
            Map<Integer, String> formats = new HashMap<>();
            int[] styles = new int[16];
            int count = 0;
            boolean inCellXfs = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == END_ELEMENT && "cellXfs".equals(xml.getLocalName())) {
                    inCellXfs = false;
                } else if (event == START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "numFmt" -> {
                            if (formats.size() < MOST_STYLES) {
                                formats.put(formatId(xml), xml.getAttributeValue(null, "formatCode"));
                            }
                        }
                        case "cellXfs" -> inCellXfs = true;
                        // cellStyleXfs has xf elements too: only cellXfs is what cells' s attribute counts in
                        case "xf" -> {
                            if (inCellXfs) {
                                if (count == MOST_STYLES) {
                                    throw new UnreadableRosterException("the workbook has more than " + MOST_STYLES
                                            + " cell styles, more than Excel allows: it is damaged");
                                }
                                if (count == styles.length) {
                                    styles = Arrays.copyOf(styles, count * 2);
                                }
                                styles[count++] = formatId(xml);
                            }
                        }
                        default -> { }
                    }
                }
            }
            BitSet dates = new BitSet();
            for (int i = 0; i < count; i++) {
                int id = styles[i];
                String code = formats.containsKey(id) ? formats.get(id) : BuiltinFormats.getBuiltinFormat(id);
                if (DateUtil.isADateFormat(id, code != null && code.length() <= LONGEST_FORMAT ? code : null)) {
                    dates.set(i);
                }
            }
            return new CellStyles(dates);
        } finally {
            xml.close();
        }
    }

    private static int formatId(XMLStreamReader xml) {
        try {
            return Integer.parseInt(xml.getAttributeValue(null, "numFmtId"));
        } catch (NumberFormatException e) {
            return 0; // General: a missing or garbled format shows the number as it is
        }
    }
}
