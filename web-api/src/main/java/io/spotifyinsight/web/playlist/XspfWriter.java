package io.spotifyinsight.web.playlist;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * XSPF 1 (https://xspf.org/spec) in UTF-8, through the JDK's {@link XMLStreamWriter}, which escapes
 * markup characters. It does not refuse characters XML 1.0 cannot carry at all (most C0 controls,
 * lone surrogates, U+FFFE/U+FFFF), so {@link #xmlText} drops those first: a title from Spotify must
 * not make the document unreadable. Elements follow the order of the spec's element lists; our data
 * is in {@code <extension>} elements whose children are in our own namespace.
 */
public final class XspfWriter extends StreamingPlaylistWriter {
    public static final String XSPF_NAMESPACE = "http://xspf.org/ns/0/";

    /** The {@code application} of our extensions and the namespace of their elements. */
    public static final String EXTENSION_NAMESPACE = Extensions.BASE + "xspf/1";

    private static final String PREFIX = "si";

    /**
     * Shared: the JDK's factory makes a new writer per call unless told to reuse one, which we
     * never do.
     */
    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    public XspfWriter() {
        super("application/xspf+xml; charset=utf-8", "xspf");
    }

    @Override
    public void write(Playlist playlist, Tracks tracks, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(XSPF_NAMESPACE);
            xml.setPrefix(PREFIX, EXTENSION_NAMESPACE);
            xml.writeStartElement(XSPF_NAMESPACE, "playlist");
            xml.writeDefaultNamespace(XSPF_NAMESPACE);
            xml.writeNamespace(PREFIX, EXTENSION_NAMESPACE);
            xml.writeAttribute("version", "1");
            element(xml, "title", playlist.title());
            element(xml, "creator", playlist.creator());
            element(xml, "annotation", playlist.annotation());
            element(xml, "identifier", playlist.identifier());
            element(xml, "date", playlist.created() == null ? null : playlist.created().toString());
            Playlist.Scope scope = playlist.scope();
            xml.writeStartElement(XSPF_NAMESPACE, "extension");
            xml.writeAttribute("application", EXTENSION_NAMESPACE);
            ours(xml, "username", scope.username());
            ours(xml, "from", scope.from().toString());
            ours(xml, "to", scope.to().toString());
            xml.writeEndElement();
            xml.writeStartElement(XSPF_NAMESPACE, "trackList");
            tracks.forEach(
                    track -> {
                        try {
                            track(xml, track);
                        } catch (XMLStreamException e) {
                            throw failed(e, playlist);
                        }
                    });
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            RuntimeException failure = failed(e, playlist);
            if (failure instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw failure;
        }
    }

    /** The client going away reaches us as an XMLStreamException around an IOException. */
    private static RuntimeException failed(XMLStreamException e, Playlist playlist) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return new UncheckedIOException(io);
            }
        }
        return new IllegalStateException("could not write XSPF for " + playlist.identifier(), e);
    }

    private static void track(XMLStreamWriter xml, Playlist.Track track) throws XMLStreamException {
        xml.writeStartElement(XSPF_NAMESPACE, "track");
        element(xml, "location", track.location());
        element(xml, "identifier", track.location());
        element(xml, "title", track.title());
        element(xml, "creator", track.creator());
        element(xml, "image", track.image());
        element(xml, "album", track.album());
        element(xml, "duration", Integer.toString(track.durationMs()));
        Playlist.Origin origin = track.origin();
        xml.writeStartElement(XSPF_NAMESPACE, "extension");
        xml.writeAttribute("application", EXTENSION_NAMESPACE);
        ours(xml, "date", origin.date().toString());
        ours(xml, "position", Integer.toString(origin.position()));
        ours(xml, "source", origin.source());
        ours(xml, "reason", origin.reason());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /**
     * An XSPF element with text; nothing at all for a null value (every element we write is
     * optional).
     */
    private static void element(XMLStreamWriter xml, String name, String text)
            throws XMLStreamException {
        if (text != null) {
            xml.writeStartElement(XSPF_NAMESPACE, name);
            xml.writeCharacters(xmlText(text));
            xml.writeEndElement();
        }
    }

    private static void ours(XMLStreamWriter xml, String name, String text)
            throws XMLStreamException {
        xml.writeStartElement(PREFIX, name, EXTENSION_NAMESPACE);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    /** The text without the code points XML 1.0 forbids (its {@code Char} production). */
    static String xmlText(String text) {
        StringBuilder allowed = new StringBuilder(text.length());
        text.codePoints().filter(XspfWriter::isXmlChar).forEach(allowed::appendCodePoint);
        return allowed.toString();
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
