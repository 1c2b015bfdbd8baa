package nnlab.kernel;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Repository;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The body of a {@code %%loadFromPOM} cell, read with Maven's own POM reader: a whole {@code <project>},
 * or what goes inside one ({@code <dependencies>}, {@code <repositories>}, {@code <properties>}), or bare
 * {@code <dependency>} and {@code <repository>} elements, as IJava takes them. {@code ${name}} in
 * coordinates is replaced from the POM's {@code <properties>}; test-scoped dependencies are left out.
 *
 * <pre>{@code
 * PomFragment p = PomFragment.parse("<dependency><groupId>org.apache.commons</groupId>"
 *         + "<artifactId>commons-csv</artifactId><version>1.11.0</version></dependency>");
 * p.coordinates();     // [org.apache.commons:commons-csv:jar:1.11.0]
 * }</pre>
 *
 * @param coordinates  {@code groupId:artifactId:extension[:classifier]:version} of each dependency
 * @param repositories {@code [id, url]} of each repository
 */
record PomFragment(List<String> coordinates, List<String[]> repositories) {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /** Reads {@code body}; fails with the line and what was wrong. */
    static PomFragment parse(String body) throws Maven.Failure {
        Model model;
        try {
            model = new MavenXpp3Reader().read(new StringReader(asProject(body)), false);
        } catch (IOException | XmlPullParserException e) {
            throw new Maven.Failure("%%loadFromPOM: the cell is not a POM: " + e.getMessage().replaceAll("\\s+", " ").strip());
        }
        Properties props = model.getProperties();
        List<String> coordinates = new ArrayList<>();
        for (Dependency d : model.getDependencies()) {
            if ("test".equals(d.getScope())) {
                continue;
            }
            String ga = value(d.getGroupId(), props) + ":" + value(d.getArtifactId(), props);
            if (d.getVersion() == null) {
                throw new Maven.Failure("%%loadFromPOM: dependency " + ga + " has no <version>");
            }
            String classifier = d.getClassifier() == null ? "" : ":" + value(d.getClassifier(), props);
            coordinates.add(ga + ":" + value(d.getType(), props) + classifier + ":" + value(d.getVersion(), props));
        }
        List<String[]> repositories = new ArrayList<>();
        for (Repository r : model.getRepositories()) {
            if (r.getUrl() == null) {
                throw new Maven.Failure("%%loadFromPOM: repository " + r.getId() + " has no <url>");
            }
            repositories.add(new String[] {r.getId() == null ? "pom" : r.getId(), value(r.getUrl(), props)});
        }
        return new PomFragment(coordinates, repositories);
    }

    private static String value(String s, Properties props) throws Maven.Failure {
        Matcher m = PROPERTY.matcher(s.strip());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = props.getProperty(m.group(1));
            if (v == null) {
                throw new Maven.Failure("%%loadFromPOM: ${" + m.group(1) + "} in '" + s.strip() + "' is not among the POM's <properties>");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v.strip()));
        }
        return m.appendTail(out).toString();
    }

    /** A whole POM as it is; anything else inside {@code <project>}, bare dependencies and repositories in their lists. */
    static String asProject(String body) throws Maven.Failure {
        String b = body.strip().replaceFirst("^<\\?xml[^>]*\\?>", "").strip();
        if (b.startsWith("<project")) {
            return b;
        }
        Document d;
        try {
            d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader("<project>" + b + "</project>")));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new Maven.Failure("%%loadFromPOM: the cell is not a POM fragment: " + e.getMessage());
        }
        Element project = d.getDocumentElement();
        gather(d, project, "dependency", "dependencies");
        gather(d, project, "repository", "repositories");
        try {
            StringWriter w = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(d), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the POM back as text", e);
        }
    }

    /** Moves {@code project}'s direct {@code <name>} children into a {@code <list>} child. */
    private static void gather(Document d, Element project, String name, String list) {
        List<Node> bare = new ArrayList<>();
        for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                bare.add(n);
            }
        }
        if (!bare.isEmpty()) {
            Element container = d.createElement(list);
            project.appendChild(container);
            bare.forEach(container::appendChild);
        }
    }
}
