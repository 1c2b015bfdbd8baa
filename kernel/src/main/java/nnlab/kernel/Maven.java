package nnlab.kernel;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.ResolutionErrorPolicy;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;
import org.eclipse.aether.util.repository.SimpleResolutionErrorPolicy;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;

/**
 * Resolves Maven coordinates to jars with Maven Resolver, as {@code mvn} would: the local repository
 * ({@code ~/.m2}) first, then the remote ones (Maven Central, through the mirrors of settings.xml, and
 * those added with {@link #addRepository}), with the artifacts' transitive runtime dependencies.
 *
 * <pre>{@code
 * Maven m = Maven.fromSettings(MavenSettings.load());
 * m.addRepository("jitpack", "https://example.org/maven2/");
 * List<Maven.Jar> jars = m.resolve(List.of("org.apache.commons:commons-csv:1.11.0"));
 * }</pre>
 */
final class Maven {
    /** A resolution that failed; the message is one line naming the coordinate and the repository. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    /** A resolved jar: {@code groupId:artifactId}, its version and the file in the local repository. */
    record Jar(String key, String artifactId, String version, Path file) {
    }

    static final String COORDINATE = "groupId:artifactId:version (or groupId:artifactId:extension[:classifier]:version)";

    private final RepositorySystem system = new RepositorySystemSupplier().get();
    private final DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
    private final List<RemoteRepository> repositories = new ArrayList<>();

    /** Resolves into {@code localRepository} from {@code remotes} (mirrored as {@code mirrors} say). */
    Maven(Path localRepository, List<RemoteRepository> remotes, DefaultMirrorSelector mirrors) {
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
        session.setMirrorSelector(mirrors);
        // a failed download is tried again next time (the network may be back), not remembered for a day
        // POM profiles activate on java.version, os.name, ... as under mvn
        session.setSystemProperties(System.getProperties());
        // a POM that cannot be read (a parent or BOM missing) fails, rather than silently losing its dependencies
        session.setArtifactDescriptorPolicy(new SimpleArtifactDescriptorPolicy(false, false));
        session.setResolutionErrorPolicy(new SimpleResolutionErrorPolicy(ResolutionErrorPolicy.CACHE_DISABLED));
        session.setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, 10_000);
        session.setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, 60_000);
        repositories.addAll(remotes);
    }

    /** Maven Central and the local repository and mirrors of the machine's settings.xml. */
    static Maven fromSettings(MavenSettings s) {
        DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
        for (MavenSettings.Mirror m : s.mirrors()) {
            mirrors.add(m.id(), m.url(), "default", false, m.blocked(), m.mirrorOf(), null);
        }
        return new Maven(s.localRepository(), List.of(remote("central", s.centralUrl())), mirrors);
    }

    /** A remote repository of the default layout. */
    static RemoteRepository remote(String id, String url) {
        return new RemoteRepository.Builder(id, "default", url).build();
    }

    /** {@code %mavenRepo id url}: later resolutions look there too (after the earlier repositories). */
    void addRepository(String id, String url) throws Failure {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !List.of("http", "https", "file").contains(uri.getScheme())) {
                throw new Failure("%mavenRepo " + id + ": '" + url + "' is not an http(s) or file URL");
            }
        } catch (URISyntaxException e) {
            throw new Failure("%mavenRepo " + id + ": '" + url + "' is not a URL (" + e.getReason() + ")");
        }
        repositories.removeIf(r -> r.getId().equals(id));
        repositories.add(remote(id, url));
    }

    /** The repositories tried, in order, after the local one. */
    List<RemoteRepository> repositories() {
        return List.copyOf(repositories);
    }

    /** The jars of {@code coordinates} and of their runtime dependencies, each artifact once. */
    List<Jar> resolve(List<String> coordinates) throws Failure {
        List<Dependency> deps = new ArrayList<>();
        for (String c : coordinates) {
            deps.add(new Dependency(artifact(c), JavaScopes.RUNTIME));
        }
        CollectRequest collect = new CollectRequest(deps, null, system.newResolutionRepositories(session, repositories));
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        List<ArtifactResult> results;
        try {
            results = system.resolveDependencies(session, request).getArtifactResults();
        } catch (DependencyResolutionException e) {
            throw failure(String.join(" ", coordinates), e);
        }
        List<Jar> jars = new ArrayList<>();
        for (ArtifactResult r : results) {
            Artifact a = r.getArtifact();
            jars.add(new Jar(a.getGroupId() + ":" + a.getArtifactId(), a.getArtifactId(), a.getBaseVersion(), a.getFile().toPath()));
        }
        return jars;
    }

    /** Parses {@code coordinate}, failing with the expected form. */
    static Artifact artifact(String coordinate) throws Failure {
        try {
            Artifact a = new DefaultArtifact(coordinate);
            if (a.getGroupId().isEmpty() || a.getArtifactId().isEmpty() || a.getVersion().isEmpty()) {
                throw new IllegalArgumentException("empty part");
            }
            return a;
        } catch (IllegalArgumentException e) {
            throw new Failure("%maven: '" + coordinate + "' is not a Maven coordinate; expected " + COORDINATE
                    + ", e.g. org.apache.commons:commons-csv:1.11.0");
        }
    }

    /** One line from the resolver's exception: what was missing, or which repository could not be reached. */
    private Failure failure(String asked, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ArtifactNotFoundException nf) {
                return new Failure("%maven " + asked + ": " + gav(nf.getArtifact()) + " was not found" + tried());
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ArtifactTransferException te) {
                return new Failure("%maven " + asked + ": cannot download " + gav(te.getArtifact()) + " from "
                        + where(te.getRepository()) + ": " + rootMessage(te));
            }
        }
        return new Failure("%maven " + asked + ": " + rootMessage(e) + tried());
    }

    private String tried() {
        List<String> all = new ArrayList<>(List.of(session.getLocalRepository().getBasedir().toString()));
        for (RemoteRepository r : system.newResolutionRepositories(session, repositories)) {
            all.add(where(r));
        }
        return " (looked in " + String.join(", ", all) + ")";
    }

    /** {@code groupId:artifactId:version}, with a classifier when there is one. */
    private static String gav(Artifact a) {
        String classifier = a.getClassifier().isEmpty() ? "" : ":" + a.getClassifier();
        return a.getGroupId() + ":" + a.getArtifactId() + classifier + ":" + a.getBaseVersion();
    }

    private static String where(RemoteRepository r) {
        if (r == null) {
            return "the local repository";
        }
        List<RemoteRepository> of = r.getMirroredRepositories();
        String mirror = of.isEmpty() ? "" : ", a mirror of " + of.get(0).getId();
        return r.getId() + " (" + r.getUrl() + mirror + ")";
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.replaceAll("\\s+", " ").strip();
    }
}
