package io.skillsync.roster;

import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The workbook's shared strings (xl/sharedStrings.xml): the text of most cells, which refer to it by index.
 * It is held whole, as cells may refer to any entry at any time, so its cost is bounded: each string's text is
 * kept up to the cell limit only (a longer one is refused at the first cell that uses it), and the whole table
 * at most the file-size limit in estimated heap. Read with StAX rather than POI's ReadOnlySharedStringsTable,
 * which sizes its list from the part's own uniqueCount: a tiny file claiming two billion strings exhausts the heap.
 */
final class SharedStringTable {

    /** About what a String and its list slot cost beyond the characters (object, array header, reference). */
    private static final long PER_STRING = 48;

    static final SharedStringTable NONE = new SharedStringTable(List.of(), Map.of());

    /** null where the string is longer than the cell limit: only its length is kept, in {@link #overlong}. */
    private final List<String> strings;
    private final Map<Integer, Long> overlong;

    private SharedStringTable(List<String> strings, Map<Integer, Long> overlong) {
        this.strings = strings;
        this.overlong = overlong;
    }

    int size() {
        return strings.size();
    }

    /** The string at index, or null when it is over the cell limit (then {@link #length} says how long). */
    String get(int index) {
        return strings.get(index);
    }

    long length(int index) {
        String s = strings.get(index);
        return s != null ? s.length() : overlong.get(index);
    }

    static SharedStringTable read(InputStream in, int maxCellLength, long budget) throws XMLStreamException {
        XMLStreamReader xml = StaxInput.open(in);
        try {
            List<String> strings = new ArrayList<>();
            Map<Integer, Long> overlong = new HashMap<>();
            StringBuilder text = new StringBuilder();
            long length = 0;
            long cost = 0;
            boolean inText = false;
            boolean inPhonetic = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> {
                            text.setLength(0);
                            length = 0;
                        }
                        case "t" -> inText = true;
                        // the phonetic reading of Japanese text is not part of the cell's value
                        case "rPh" -> inPhonetic = true;
                        default -> { }
                    }
                } else if (event == END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "t" -> inText = false;
                        case "rPh" -> inPhonetic = false;
                        case "si" -> {
                            if (length > maxCellLength) {
                                overlong.put(strings.size(), length);
                                strings.add(null);
                            } else {
                                strings.add(length == 0 ? "" : text.toString());
                            }
                            cost += PER_STRING + 2 * Math.min(length, maxCellLength);
                            if (cost > budget) {
                                throw new UnreadableRosterException("the workbook's shared text (the strings its cells"
                                        + " share) takes more than skillsync.intake.max-file-size (" + budget
                                        + " bytes) once read: split the roster");
                            }
                        }
                        default -> { }
                    }
                } else if (inText && !inPhonetic && StaxInput.isText(event)) {
                    int n = xml.getTextLength();
                    length += n;
                    if (length <= maxCellLength) {
                        text.append(xml.getTextCharacters(), xml.getTextStart(), n);
                    }
                }
            }
            return new SharedStringTable(strings, overlong);
        } finally {
            xml.close();
        }
    }
}
