package nnlab.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 seals on results files, with a key kept in the grader's home, out of the sandbox's sight.
 *
 * <p>A resumed run reuses {@code results/<student>.json} only when its sidecar {@code .hmac} matches the
 * file's bytes under this key: a results file rewritten by anyone without the key is graded again. The key is
 * {@code ~/.config/nnlab/grader.key} (32 random bytes, made on first use, mode 0600), or the file the
 * {@code nnlab.grader.key} system property names.
 *
 * <pre>{@code
 * Seal seal = Seal.load();
 * String mac = seal.of(json);   seal.matches(json, mac);   // true
 * }</pre>
 */
final class Seal {
    private final byte[] key;

    private Seal(byte[] key) {
        this.key = key;
    }

    /** The grader's key, made when missing. */
    static Seal load() throws IOException {
        String prop = System.getProperty("nnlab.grader.key");
        Path file = prop != null && !prop.isBlank() ? Path.of(prop)
                : Path.of(System.getProperty("user.home"), ".config", "nnlab", "grader.key");
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".grader-key-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, k);
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);    // another grader made it first
            }
        }
        byte[] k = Files.readAllBytes(file);
        if (k.length < 16) {
            throw new IOException("the grader's key " + file + " holds " + k.length + " bytes, expected at least 16;"
                    + " delete it to make a new one (earlier results are then graded again)");
        }
        return new Seal(k);
    }

    /** The hex HMAC-SHA256 of {@code text} (UTF-8). */
    String of(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no HmacSHA256", e);
        }
    }

    /** True when {@code mac} is the seal of {@code text} (compared in constant time). */
    boolean matches(String text, String mac) {
        return mac != null && MessageDigest.isEqual(of(text).getBytes(StandardCharsets.US_ASCII),
                mac.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
