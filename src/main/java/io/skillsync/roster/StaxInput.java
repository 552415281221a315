package io.skillsync.roster;

import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers for a workbook's XML parts, safe against hostile XML. The JDK's own parser, not whichever StAX
 * a library brings along, so that text arrives in bounded chunks the readers can count; no DTD, and so neither
 * entity expansion (the "billion laughs") nor external entities (a file of this machine read into a cell).
 */
final class StaxInput {

    private StaxInput() {
    }

    /** A reader on the part's root element. A DTD before it is refused: no part Excel writes has one. */
    static XMLStreamReader open(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        while (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
            if (xml.getEventType() == XMLStreamConstants.DTD) {
                xml.close();
                throw new XMLStreamException("the part declares a DTD, which no Excel file does");
            }
            xml.next();
        }
        return xml;
    }

    /** Character data, whichever of the three events the parser reports it as. */
    static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE;
    }
}
