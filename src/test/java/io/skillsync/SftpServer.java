package io.skillsync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import io.skillsync.support.WorkDirs;

/**
 * HR's SFTP server, played by an embedded Apache MINA SSHD on a free port: one user who logs in with a
 * key, the folder {@code outbox/} with {@code processed/} below it, and a known_hosts file naming the
 * server's real host key. Tests can stop and start it, and swap known_hosts for a wrong key.
 */
public class SftpServer implements QuarkusTestResourceLifecycleManager {

    static final Path ROOT = Path.of("target/sftp/root");
    static final Path KEYS = Path.of("target/sftp/keys");
    /** The password user "hr" may also log in with (SftpSecretsTest): characters a URI would encode. */
    public static final String PASSWORD = "hr-Sftp pw=42&x%)";
    static SshServer server;
    static int port;
    static PublicKey allowed;
    static String rightKnownHosts;

    @Override
    public Map<String, String> start() {
        try {
            WorkDirs.deleteTree(Path.of("target/sftp"));
            Files.createDirectories(ROOT.resolve("outbox/processed"));
            Files.createDirectories(KEYS);
            KeyPair client = KeyPairGenerator.getInstance("RSA").generateKeyPair();
            Files.writeString(KEYS.resolve("id_rsa"), "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(client.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            allowed = client.getPublic();
            server = build(0);
            server.start();
            port = server.getPort();
            KeyPair host = server.getKeyPairProvider().loadKeys(null).iterator().next();
            rightKnownHosts = "[localhost]:" + port + " " + PublicKeyEntry.toString(host.getPublic()) + "\n";
            Files.writeString(KEYS.resolve("known_hosts"), rightKnownHosts);
            return Map.ofEntries(Map.entry("skillsync.sftp.enabled", "true"),
                    Map.entry("skillsync.sftp.host", "localhost"),
                    Map.entry("skillsync.sftp.port", String.valueOf(port)),
                    Map.entry("skillsync.sftp.username", "hr"),
                    Map.entry("skillsync.sftp.private-key-file", KEYS.resolve("id_rsa").toString()),
                    Map.entry("skillsync.sftp.known-hosts-file", KEYS.resolve("known_hosts").toString()),
                    Map.entry("skillsync.sftp.remote-dir", "outbox"),
                    Map.entry("skillsync.sftp.poll-delay", "300"),
                    Map.entry("skillsync.sftp.settle-check", "700"));
        } catch (Exception e) {
            throw new IllegalStateException("the embedded SFTP server did not start", e);
        }
    }

    /** The server: user "hr" with the test's key, the same host key (kept in a file) at every start. */
    static SshServer build(int onPort) {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("localhost");
        sshd.setPort(onPort);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(KEYS.resolve("host.ser")));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(ROOT.toAbsolutePath()));
        sshd.setPublickeyAuthenticator((user, key, session) -> "hr".equals(user) && allowed.equals(key));
        sshd.setPasswordAuthenticator((user, password, session) -> "hr".equals(user) && PASSWORD.equals(password));
        return sshd;
    }

    /** known_hosts names another key for this server, as after a man in the middle or a rebuilt server. */
    static void wrongHostKey() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Files.writeString(KEYS.resolve("known_hosts"), "[localhost]:" + port + " " + PublicKeyEntry.toString(other.getPublic()) + "\n");
    }

    static void rightHostKey() throws IOException {
        Files.writeString(KEYS.resolve("known_hosts"), rightKnownHosts);
    }

    static void down() throws IOException {
        server.stop(true);
    }

    static void up() throws IOException {
        server = build(port);
        server.start();
    }

    /** Puts a file on the server the way HR's HRIS would: in the remote folder, in one go. */
    static void upload(String name, String content) {
        upload("outbox", name, content);
    }

    /** Puts a file in {@code folder} of the server (HR's preview folder, say), in one go. */
    static void upload(String folder, String name, String content) {
        try {
            Files.createDirectories(ROOT.resolve(folder));
            Files.writeString(ROOT.resolve(folder).resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.stop(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
