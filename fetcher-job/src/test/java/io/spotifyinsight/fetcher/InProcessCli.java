package io.spotifyinsight.fetcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs {@link Main#run} in this JVM with a given environment, capturing stdout and stderr. */
final class InProcessCli {
    private final Map<String, String> env;

    InProcessCli(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** This environment plus or minus some variables (a null value removes the variable). */
    InProcessCli with(String name, String value) {
        Map<String, String> changed = new HashMap<>(env);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new InProcessCli(changed);
    }

    CliResult run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, env, o, e);
        }
        return new CliResult(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The maps' entries, later maps winning. */
    @SafeVarargs
    static Map<String, String> merge(Map<String, String>... maps) {
        Map<String, String> all = new HashMap<>();
        for (Map<String, String> map : maps) {
            all.putAll(map);
        }
        return all;
    }
}
