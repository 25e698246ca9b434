package io.spotifyinsight.persistence.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.spotifyinsight.persistence.Database;
import io.spotifyinsight.persistence.DatabaseConfig;
import io.spotifyinsight.persistence.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, fully migrated database per test class:
 *
 * <pre>{@code @RegisterExtension static final TestDatabase db = new TestDatabase();}</pre>
 *
 * <p>The first class in a JVM migrates a template database (named after the migrations' checksums,
 * so a changed migration gets a new template); each class then gets {@code CREATE DATABASE ...
 * TEMPLATE}, which costs a fraction of a second, and drops it afterwards. Databases left by a
 * killed test JVM are swept at start-up. The server comes from {@link TestPostgres}.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {
    static final String TEST_PREFIX = "si_test_";
    static final String TEMPLATE_PREFIX = "si_tpl_";
    private static final long SWEEP_AGE_MILLIS = 2 * 60 * 60 * 1000L;
    private static String template;

    private final int poolSize;
    private final boolean migrated;
    private String name;
    private HikariDataSource dataSource;
    private DSLContext dsl;

    public TestDatabase() {
        this(4);
    }

    public TestDatabase(int poolSize) {
        this(poolSize, true);
    }

    private TestDatabase(int poolSize, boolean migrated) {
        this.poolSize = poolSize;
        this.migrated = migrated;
    }

    /** An empty database (no schema at all), for tests of the migrations themselves. */
    public static TestDatabase empty() {
        return new TestDatabase(2, false);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        PostgresServer server = TestPostgres.server();
        String templateName = migrated ? template(server) : "template0";
        name =
                TEST_PREFIX
                        + System.currentTimeMillis()
                        + "_"
                        + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0xfffffff);
        withAdmin(
                server,
                statement ->
                        statement.execute("CREATE DATABASE " + name + " TEMPLATE " + templateName));
        dataSource = pool(server.urlOf(name), server, poolSize);
        dsl = Database.createDsl(dataSource, 30);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (dataSource != null) {
            dataSource.close();
        }
        if (name != null) {
            withAdmin(
                    TestPostgres.server(),
                    statement ->
                            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public String jdbcUrl() {
        return TestPostgres.server().urlOf(name);
    }

    public String user() {
        return TestPostgres.server().user();
    }

    public String password() {
        return TestPostgres.server().password();
    }

    public String databaseName() {
        return name;
    }

    /** This database's settings as the executables read them from the environment. */
    public Map<String, String> env() {
        return Map.of(
                "DATABASE_URL",
                jdbcUrl(),
                "DATABASE_USER",
                user(),
                "DATABASE_PASSWORD",
                password());
    }

    public DatabaseConfig config() {
        return DatabaseConfig.of(jdbcUrl(), user(), password()).withPoolSize(poolSize);
    }

    /**
     * Creates (once per JVM, under a server-wide lock) the migrated template, and sweeps stale test
     * databases.
     */
    private static synchronized String template(PostgresServer server) throws SQLException {
        if (template != null) {
            return template;
        }
        try (Connection admin =
                        DriverManager.getConnection(
                                server.adminUrl(), server.user(), server.password());
                Statement statement = admin.createStatement()) {
            sweepStale(statement);
            String hash = migrationsFingerprint(server);
            String candidate = TEMPLATE_PREFIX + hash;
            statement.execute("SELECT pg_advisory_lock(" + (0x51A7E000L + hash.hashCode()) + ")");
            try {
                if (!templateReady(admin, candidate)) {
                    statement.execute("DROP DATABASE IF EXISTS " + candidate + " WITH (FORCE)");
                    statement.execute(
                            "CREATE DATABASE " + candidate + " ENCODING 'UTF8' TEMPLATE template0");
                    try (HikariDataSource ds = pool(server.urlOf(candidate), server, 1)) {
                        Migrations.migrate(ds);
                    }
                    statement.execute(
                            "ALTER DATABASE " + candidate + " WITH ALLOW_CONNECTIONS false");
                    statement.execute("COMMENT ON DATABASE " + candidate + " IS 'ready'");
                }
            } finally {
                statement.execute(
                        "SELECT pg_advisory_unlock(" + (0x51A7E000L + hash.hashCode()) + ")");
            }
            template = candidate;
            return template;
        }
    }

    private static boolean templateReady(Connection admin, String candidate) throws SQLException {
        try (PreparedStatement query =
                admin.prepareStatement(
                        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE"
                                + " datname = ?")) {
            query.setString(1, candidate);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && "ready".equals(result.getString(1));
            }
        }
    }

    /**
     * The migrations' versions and checksums, hashed: a changed or added migration means a new
     * template.
     */
    private static String migrationsFingerprint(PostgresServer server) {
        var configuration =
                org.flywaydb.core.Flyway.configure()
                        .dataSource(server.adminUrl(), server.user(), server.password())
                        .locations("classpath:db/migration");
        StringBuilder all = new StringBuilder();
        for (var info : configuration.load().info().all()) {
            all.append(info.getVersion()).append(':').append(info.getChecksum()).append(';');
        }
        return Integer.toHexString(all.toString().hashCode() & 0x7fffffff);
    }

    private static void sweepStale(Statement statement) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (ResultSet result =
                statement.executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE '"
                                + TEST_PREFIX
                                + "%'")) {
            long now = System.currentTimeMillis();
            while (result.next()) {
                String db = result.getString(1);
                String[] parts = db.substring(TEST_PREFIX.length()).split("_");
                try {
                    if (now - Long.parseLong(parts[0]) > SWEEP_AGE_MILLIS) {
                        stale.add(db);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        }
        for (String db : stale) {
            statement.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private static HikariDataSource pool(String url, PostgresServer server, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        config.setPoolName("test-" + size);
        return new HikariDataSource(config);
    }

    private interface AdminAction {
        void run(Statement statement) throws SQLException;
    }

    /**
     * Runs an admin statement; "too many connections" (53300) on a busy shared server is retried
     * briefly.
     */
    private static void withAdmin(PostgresServer server, AdminAction action) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection admin =
                            DriverManager.getConnection(
                                    server.adminUrl(), server.user(), server.password());
                    Statement statement = admin.createStatement()) {
                action.run(statement);
                return;
            } catch (SQLException e) {
                if (!"53300".equals(e.getSQLState()) || attempt >= 20) {
                    throw e;
                }
                try {
                    Thread.sleep(250L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
