package io.spotifyinsight.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * The database as the executables see it: a HikariCP pool and a jOOQ {@link DSLContext} over it.
 *
 * <p>Every SQL failure leaves jOOQ translated by {@link SqlErrorTranslator}: constraint violations
 * as {@link ConstraintViolationException}, an unreachable server as {@link
 * DatabaseUnavailableException}. Close it to close the pool.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private Database(HikariDataSource dataSource, DSLContext dsl) {
        this.dataSource = dataSource;
        this.dsl = dsl;
    }

    /**
     * Opens a pool. The pool does not fail when the server is down at start-up: the first query
     * does, with a {@link DatabaseUnavailableException}, and the pool recovers by itself when it is
     * back.
     */
    public static Database open(DatabaseConfig config, String poolName) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(poolName);
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(Math.min(2, config.poolSize()));
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setValidationTimeout(Math.min(config.connectionTimeout().toMillis(), 2_000));
        hikari.setInitializationFailTimeout(-1);
        hikari.addDataSourceProperty("ApplicationName", poolName);
        hikari.addDataSourceProperty(
                "connectTimeout", Long.toString(config.connectionTimeout().toSeconds()));
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        // A statement timeout is enforced by a cancel request over a second connection; when the
        // network
        // (not the server) fails, that cancel never arrives and a read would wait for the kernel's
        // keepalive, about two hours, holding the fetcher's lock all along. The socket timeout
        // bounds
        // every read a little above the query timeout; the server-side statement_timeout bounds the
        // work even when the client's cancel is lost. Settings in DATABASE_URL take precedence.
        hikari.addDataSourceProperty(
                "socketTimeout", Long.toString(socketTimeout(config).toSeconds()));
        hikari.addDataSourceProperty(
                "options", "-c statement_timeout=" + config.queryTimeout().toMillis());
        HikariDataSource dataSource = new HikariDataSource(hikari);
        return new Database(
                dataSource, createDsl(dataSource, (int) config.queryTimeout().toSeconds()));
    }

    /**
     * How long one read on a connection may wait: the query timeout and a margin for the cancel.
     */
    static Duration socketTimeout(DatabaseConfig config) {
        return config.queryTimeout().plusSeconds(5);
    }

    /** A jOOQ context over any DataSource (tests use it with their own pools). */
    public static DSLContext createDsl(DataSource dataSource, int queryTimeoutSeconds) {
        Settings settings =
                new Settings()
                        .withQueryTimeout(queryTimeoutSeconds)
                        .withExecuteLogging(false)
                        .withRenderSchema(false);
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(SQLDialect.POSTGRES);
        configuration.set(settings);
        configuration.set(new TranslatingConnectionProvider(dataSource));
        configuration.set(new SqlErrorTranslator());
        return DSL.using(configuration);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Hands the pool's figures to a metrics tracker (HikariCP's {@code
     * MicrometerMetricsTrackerFactory} in the web API); HikariCP accepts one factory per pool and
     * refuses a second.
     */
    public void trackMetrics(MetricsTrackerFactory factory) {
        dataSource.setMetricsTrackerFactory(factory);
    }

    /** Pool figures for the health check. */
    public PoolStats poolStats() {
        var mx = dataSource.getHikariPoolMXBean();
        if (mx == null) {
            return new PoolStats(0, 0, 0, dataSource.getMaximumPoolSize());
        }
        return new PoolStats(
                mx.getActiveConnections(),
                mx.getIdleConnections(),
                mx.getThreadsAwaitingConnection(),
                dataSource.getMaximumPoolSize());
    }

    /** True when a connection can be had and answers a trivial query within the pool timeout. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    public record PoolStats(int active, int idle, int waiting, int max) {}

    /** Turns "no connection could be had" into {@link DatabaseUnavailableException}. */
    private static final class TranslatingConnectionProvider implements ConnectionProvider {
        private final DataSource dataSource;

        TranslatingConnectionProvider(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Connection acquire() {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new DatabaseUnavailableException(
                        "The database is unreachable: " + e.getMessage(), e);
            }
        }

        @Override
        public void release(Connection connection) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the pool has already discarded a broken connection; nothing left to release
            }
        }
    }
}
