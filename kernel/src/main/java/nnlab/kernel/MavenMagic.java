package nnlab.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * IJava's {@code %maven}, {@code %mavenRepo} and {@code %%loadFromPOM} ({@link PomFragment}): resolves artifacts with {@link Maven}, then puts on the
 * session's class path each jar it does not have yet.
 *
 * <p>A jar already there (the same file, or a file of the same name: the same artifact and version) is
 * not added again. A jar of another version of an artifact the class path already holds (one of the
 * kernel's own, such as {@code xchart-4.0.3.jar}, or one added earlier) is not added either: the one
 * already loaded wins, and stderr says so by name, since two versions on one class path would shadow
 * each other class by class.
 *
 * <pre>{@code
 * %mavenRepo jitpack https://jitpack.io
 * %maven org.apache.commons:commons-csv:1.11.0 com.google.code.gson:gson:2.11.0
 * }</pre>
 */
final class MavenMagic {
    private final Supplier<Maven> factory;
    private Maven maven;

    /** Resolves with the resolver {@code factory} makes at first use (Maven Resolver takes a moment to start). */
    MavenMagic(Supplier<Maven> factory) {
        this.factory = factory;
    }

    /** {@code %maven COORDINATE...}: resolves and adds; returns the jars added. */
    List<Path> maven(String args, Magics.Host c) throws Maven.Failure, CellFailure {
        if (args.isBlank()) {
            throw new Maven.Failure("%maven needs at least one coordinate, e.g. %maven org.apache.commons:commons-csv:1.11.0");
        }
        List<String> coordinates = List.of(args.strip().split("\\s+"));
        for (String coordinate : coordinates) {
            Maven.artifact(coordinate);      // a malformed one fails before any download
        }
        return add(c.interruptible("%maven " + String.join(" ", coordinates), () -> maven().resolve(coordinates)), c);
    }

    /** {@code %%loadFromPOM}: the cell's repositories are added, its dependencies resolved and added as by {@code %maven}. */
    List<Path> loadFromPom(String body, Magics.Host c) throws Maven.Failure, CellFailure {
        PomFragment pom = PomFragment.parse(body);
        for (String[] repo : pom.repositories()) {
            maven().addRepository(repo[0], repo[1]);
        }
        if (pom.coordinates().isEmpty()) {
            return List.of();
        }
        return add(c.interruptible("%%loadFromPOM", () -> maven().resolve(pom.coordinates())), c);
    }

    /** {@code %mavenRepo ID URL}: a repository later {@code %maven} lines also look in. */
    void repository(String args) throws Maven.Failure {
        String[] parts = args.strip().split("\\s+");
        if (parts.length != 2 || parts[0].isEmpty()) {
            throw new Maven.Failure("%mavenRepo needs an id and a URL, e.g. %mavenRepo jitpack https://jitpack.io (got '"
                    + args.strip() + "')");
        }
        maven().addRepository(parts[0], parts[1]);
    }

    // synchronized: a stopped %maven may still be starting the resolver on its own thread
    private synchronized Maven maven() {
        if (maven == null) {
            maven = factory.get();
        }
        return maven;
    }

    /** Adds the jars the class path does not hold yet; warns about other versions of ones it holds. */
    static List<Path> add(List<Maven.Jar> jars, Magics.Host c) {
        List<Path> added = new ArrayList<>();
        for (Maven.Jar jar : jars) {
            String have = onClasspath(jar, c.classpath());
            if (have == null) {
                c.addToClasspath(jar.file().toString());
                added.add(jar.file());
            } else if (!Path.of(have).getFileName().toString().equals(jar.file().getFileName().toString())) {
                c.warn("%maven: " + jar.key() + ":" + jar.version() + " not added: the class path already has "
                        + have + ", which wins\n");
            }
        }
        return added;
    }

    /** The class path entry holding {@code jar}'s artifact (any version), or null. */
    static String onClasspath(Maven.Jar jar, List<String> classpath) {
        String prefix = jar.artifactId() + "-";
        for (String entry : classpath) {
            Path name = Path.of(entry).getFileName();
            String n = name == null ? "" : name.toString();
            if (entry.equals(jar.file().toString()) || n.startsWith(prefix) && n.endsWith(".jar")
                    && n.length() > prefix.length() && Character.isDigit(n.charAt(prefix.length()))) {
                return entry;
            }
        }
        return null;
    }
}
