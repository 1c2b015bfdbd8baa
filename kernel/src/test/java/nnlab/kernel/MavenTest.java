package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maven Resolver against a repository in a temporary folder: transitive jars, errors, class path rules. */
class MavenTest {
    @TempDir
    Path dir;

    /** Writes {@code org.example:name:version} (pom + jar) with compile/test dependencies "g:a:v:scope". */
    private Path publish(String name, String version, String... deps) throws IOException {
        Path folder = dir.resolve("remote/org/example/" + name + "/" + version);
        Files.createDirectories(folder);
        StringBuilder d = new StringBuilder();
        for (String dep : deps) {
            String[] p = dep.split(":");
            d.append("<dependency><groupId>").append(p[0]).append("</groupId><artifactId>").append(p[1])
                    .append("</artifactId><version>").append(p[2]).append("</version><scope>").append(p[3])
                    .append("</scope></dependency>");
        }
        Files.writeString(folder.resolve(name + "-" + version + ".pom"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<groupId>org.example</groupId><artifactId>" + name + "</artifactId><version>" + version + "</version>"
                + "<dependencies>" + d + "</dependencies></project>");
        Path jar = folder.resolve(name + "-" + version + ".jar");
        Files.write(jar, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        return jar;
    }

    private Maven maven() {
        return new Maven(dir.resolve("local"), List.of(Maven.remote("test", dir.resolve("remote").toUri().toString())),
                new DefaultMirrorSelector());
    }

    private static List<String> names(List<Maven.Jar> jars) {
        return jars.stream().map(j -> j.file().getFileName().toString()).toList();
    }

    @Test
    void resolvesRuntimeDependenciesOnceIntoTheLocalRepository() throws Exception {
        publish("app", "1.0", "org.example:util:2.0:compile", "org.example:junitish:9.9:test");
        publish("util", "2.0");
        publish("other", "1.0", "org.example:util:2.0:runtime");
        List<Maven.Jar> jars = maven().resolve(List.of("org.example:app:1.0", "org.example:other:1.0"));
        assertEquals(List.of("app-1.0.jar", "other-1.0.jar", "util-2.0.jar"), names(jars).stream().sorted().toList());
        assertTrue(jars.get(0).file().startsWith(dir.resolve("local")), jars.get(0).file().toString());
        assertEquals("org.example:app", jars.get(0).key());
    }

    @Test
    void unknownArtifactNamesTheCoordinateAndTheRepository() {
        Maven.Failure f = assertThrows(Maven.Failure.class, () -> maven().resolve(List.of("org.example:nope:1.0")));
        assertTrue(f.getMessage().startsWith("%maven org.example:nope:1.0: org.example:nope:1.0 was not found (looked in "
                + dir.resolve("local") + ", test (file:"), f.getMessage());
        assertEquals(1, f.getMessage().lines().count());
    }

    @Test
    void unreachableRepositoryIsNamed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Maven m = new Maven(dir.resolve("local"), List.of(Maven.remote("down", "http://127.0.0.1:" + port + "/maven2/")),
                new DefaultMirrorSelector());
        Maven.Failure f = assertThrows(Maven.Failure.class, () -> m.resolve(List.of("org.example:app:1.0")));
        assertTrue(f.getMessage().startsWith("%maven org.example:app:1.0: cannot download org.example:app:1.0 from down (http://127.0.0.1:"
                + port + "/maven2/): Connection refused"), f.getMessage());
        assertEquals(1, f.getMessage().lines().count());
    }

    @Test
    void malformedCoordinatesAndRepositoriesSayWhatIsExpected() {
        Maven.Failure f = assertThrows(Maven.Failure.class, () -> Maven.artifact("org.example:app"));
        assertEquals("%maven: 'org.example:app' is not a Maven coordinate; expected " + Maven.COORDINATE
                + ", e.g. org.apache.commons:commons-csv:1.11.0", f.getMessage());
        Maven.Failure r = assertThrows(Maven.Failure.class, () -> maven().addRepository("mine", "repo.example.org/maven2"));
        assertEquals("%mavenRepo mine: 'repo.example.org/maven2' is not an http(s) or file URL", r.getMessage());
        MavenMagic magic = new MavenMagic(this::maven);
        Maven.Failure args = assertThrows(Maven.Failure.class, () -> magic.repository("onlyanid"));
        assertTrue(args.getMessage().startsWith("%mavenRepo needs an id and a URL"), args.getMessage());
    }

    @Test
    void mavenRepoAddsARepositoryLaterResolutionsUse() throws Exception {
        publish("app", "1.0");
        Maven m = new Maven(dir.resolve("local"), List.of(), new DefaultMirrorSelector());
        assertThrows(Maven.Failure.class, () -> m.resolve(List.of("org.example:app:1.0")));
        m.addRepository("mine", dir.resolve("remote").toUri().toString());
        assertEquals(List.of("app-1.0.jar"), names(m.resolve(List.of("org.example:app:1.0"))));
    }

    @Test
    void jarsAlreadyOnTheClassPathAreNotAddedAndOtherVersionsAreNamed() throws Exception {
        Path app = publish("app", "1.0", "org.example:util:2.0:compile", "org.example:xchart:3.5.2:compile");
        publish("util", "2.0");
        publish("xchart", "3.5.2");
        Host host = new Host(List.of("/kernel/lib/xchart-4.0.3.jar", "/kernel/lib/util-2.0.jar", "/kernel/lib/apputil-1.0.jar"));
        List<Path> added = MavenMagic.add(maven().resolve(List.of("org.example:app:1.0")), host);
        assertEquals(List.of(dir.resolve("local").relativize(app).getFileName()), added.stream().map(Path::getFileName).toList());
        assertEquals("%maven: org.example:xchart:3.5.2 not added: the class path already has /kernel/lib/xchart-4.0.3.jar,"
                + " which wins\n", host.warnings.toString());
    }

    @Test
    void loadFromPomTakesFragmentsBareElementsAndWholePoms() throws Exception {
        publish("app", "1.0", "org.example:util:2.0:compile");
        publish("util", "2.0");
        String repo = dir.resolve("remote").toUri().toString();
        MavenMagic magic = new MavenMagic(() -> new Maven(dir.resolve("local"), List.of(), new DefaultMirrorSelector()));
        Host host = new Host(List.of());
        List<Path> added = magic.loadFromPom("<repository><id>mine</id><url>" + repo + "</url></repository>\n"
                + "<properties><app.version>1.0</app.version></properties>\n"
                + "<dependency><groupId>org.example</groupId><artifactId>app</artifactId><version>${app.version}</version></dependency>\n"
                + "<dependency><groupId>org.example</groupId><artifactId>junitish</artifactId><version>9</version><scope>test</scope></dependency>",
                host);
        assertEquals(List.of("app-1.0.jar", "util-2.0.jar"), added.stream().map(p -> p.getFileName().toString()).sorted().toList());

        PomFragment whole = PomFragment.parse("<?xml version=\"1.0\"?>\n<project><modelVersion>4.0.0</modelVersion>"
                + "<groupId>x</groupId><artifactId>y</artifactId><version>1</version><dependencies><dependency>"
                + "<groupId>org.example</groupId><artifactId>util</artifactId><version>2.0</version><classifier>linux</classifier>"
                + "</dependency></dependencies></project>");
        assertEquals(List.of("org.example:util:jar:linux:2.0"), whole.coordinates());
        PomFragment lists = PomFragment.parse("<dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId>"
                + "<version>1</version></dependency></dependencies>");
        assertEquals(List.of("g:a:jar:1"), lists.coordinates());
    }

    @Test
    void loadFromPomErrorsSayWhatIsWrong() {
        assertEquals("%%loadFromPOM: dependency g:a has no <version>", assertThrows(Maven.Failure.class, () -> PomFragment.parse(
                "<dependency><groupId>g</groupId><artifactId>a</artifactId></dependency>")).getMessage());
        assertEquals("%%loadFromPOM: ${v} in '${v}' is not among the POM's <properties>", assertThrows(Maven.Failure.class,
                () -> PomFragment.parse("<dependency><groupId>g</groupId><artifactId>a</artifactId><version>${v}</version></dependency>"))
                .getMessage());
        String bad = assertThrows(Maven.Failure.class, () -> PomFragment.parse("<dependency><groupId>g</groupId>")).getMessage();
        assertTrue(bad.startsWith("%%loadFromPOM: the cell is not a POM fragment: "), bad);
    }

    /** A session's class path, recorded. */
    private static final class Host implements Magics.Host {
        final List<String> classpath;
        final StringBuilder warnings = new StringBuilder();

        Host(List<String> classpath) {
            this.classpath = new ArrayList<>(classpath);
        }

        @Override
        public Map<String, String> eval(String code, int firstLine) {
            throw new UnsupportedOperationException(code);
        }

        @Override
        public void addToClasspath(String path) {
            classpath.add(path);
        }

        @Override
        public List<String> classpath() {
            return classpath;
        }

        @Override
        public void print(String text) {
            throw new UnsupportedOperationException(text);
        }

        @Override
        public void warn(String text) {
            warnings.append(text);
        }

        @Override
        public <T> T interruptible(String what, Magics.Work<T> work) throws Maven.Failure {
            return work.call();
        }
    }
}
