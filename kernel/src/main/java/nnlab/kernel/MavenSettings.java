package nnlab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What {@code %maven} takes from the machine's Maven configuration, as {@code mvn} reads it: the local
 * repository and the mirrors of {@code ~/.m2/settings.xml} (then {@code $MAVEN_HOME/conf/settings.xml}),
 * and Maven Central as Maven's own super POM names it.
 *
 * <pre>{@code
 * MavenSettings s = MavenSettings.load();
 * s.localRepository();      // ~/.m2/repository unless settings.xml says otherwise
 * s.mirrors();              // [Mirror[id=..., url=..., mirrorOf=*]] or []
 * }</pre>
 *
 * @param localRepository where downloaded artifacts are kept
 * @param mirrors         {@code <mirror>} entries, user settings first
 * @param centralUrl      Maven Central's address, from Maven's super POM
 */
record MavenSettings(Path localRepository, List<Mirror> mirrors, String centralUrl) {

    /** A {@code <mirror>} of settings.xml. */
    record Mirror(String id, String url, String mirrorOf, boolean blocked) {
    }

    private static final String SUPER_POM = "/org/apache/maven/model/pom-4.0.0.xml";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{(env\\.)?([^}]+)}");

    /** Reads the user's and the Maven installation's settings.xml (both optional). */
    static MavenSettings load() {
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> files = new ArrayList<>(List.of(home.resolve(".m2/settings.xml")));
        String mavenHome = System.getenv("MAVEN_HOME");
        if (mavenHome != null && !mavenHome.isBlank()) {
            files.add(Path.of(mavenHome, "conf", "settings.xml"));
        }
        Path local = home.resolve(".m2/repository");
        List<Mirror> mirrors = new ArrayList<>();
        for (int i = files.size() - 1; i >= 0; i--) {   // the user's file wins: read it last
            Document d = parse(files.get(i));
            if (d == null) {
                continue;
            }
            String repo = text(d.getDocumentElement(), "localRepository");
            if (repo != null) {
                local = Path.of(expand(repo));
            }
            mirrors.addAll(0, mirrors(d));
        }
        return new MavenSettings(local, mirrors, superPomCentral());
    }

    private static List<Mirror> mirrors(Document d) {
        List<Mirror> out = new ArrayList<>();
        NodeList list = d.getElementsByTagName("mirror");
        for (int i = 0; i < list.getLength(); i++) {
            Element m = (Element) list.item(i);
            String url = text(m, "url");
            if (url != null) {
                String of = text(m, "mirrorOf");
                out.add(new Mirror(text(m, "id") == null ? "mirror" : text(m, "id"), expand(url),
                        of == null ? "*" : of, "true".equals(text(m, "blocked"))));
            }
        }
        return out;
    }

    /** Maven Central's URL as Maven's super POM (in maven-model-builder, on the kernel's class path) gives it. */
    static String superPomCentral() {
        try (InputStream in = MavenSettings.class.getResourceAsStream(SUPER_POM)) {
            if (in == null) {
                throw new IllegalStateException("Maven's super POM " + SUPER_POM + " is not on the kernel's class path");
            }
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
            Element repo = (Element) root.getElementsByTagName("repository").item(0);
            return text(repo, "url");
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot read Maven's super POM " + SUPER_POM + ": " + e.getMessage(), e);
        }
    }

    private static Document parse(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalArgumentException("cannot read Maven settings " + file + ": " + e.getMessage(), e);
        }
    }

    /** The text of {@code parent}'s first direct child element {@code name}, stripped, or null. */
    private static String text(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    /** Replaces {@code ${user.home}}-style system properties and {@code ${env.NAME}} variables. */
    static String expand(String s) {
        Matcher m = PROPERTY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = m.group(1) != null ? System.getenv(m.group(2)) : System.getProperty(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        return m.appendTail(out).toString();
    }
}
