package io.spotifyinsight.persistence.testing;

import java.util.Objects;

/**
 * A PostgreSQL server the tests may create databases on. {@code adminUrl} is a JDBC URL of any
 * database on it (usually {@code postgres}); per-class databases are addressed by swapping the
 * name.
 */
public record PostgresServer(String adminUrl, String user, String password, String origin) {
    public PostgresServer {
        Objects.requireNonNull(adminUrl, "adminUrl");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
    }

    /** The JDBC URL of another database on the same server. */
    public String urlOf(String database) {
        String prefix = "jdbc:postgresql://";
        if (!adminUrl.startsWith(prefix)) {
            throw new IllegalStateException(
                    "expected a jdbc:postgresql://host:port/db URL, got " + adminUrl);
        }
        String rest = adminUrl.substring(prefix.length());
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query);
        return prefix + hostPort + "/" + database + params;
    }
}
