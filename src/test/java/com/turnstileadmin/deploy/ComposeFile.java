package com.turnstileadmin.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker-compose.yml}, read as Docker Compose reads it: YAML, with
 * {@code ${VAR:-default}} interpolated from the variables given (those of {@code .env};
 * none: every default).
 */
final class ComposeFile {

    static final Path PATH = Path.of("docker-compose.yml");

    /**
     * The forms of interpolation the file may use: {@code ${VAR}},
     * {@code ${VAR:-default}}, {@code ${VAR-default}}.
     */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?}");

    private final String text;

    private final Map<String, Object> yaml;

    private ComposeFile(String text) {
        this.text = text;
        this.yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    static ComposeFile read() {
        try {
            return new ComposeFile(Files.readString(PATH));
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot read " + PATH.toAbsolutePath(), e);
        }
    }

    /** The names of the variables the file reads, e.g. {@code CLOUDFLARE_API_TOKEN}. */
    Set<String> variables() {
        Set<String> names = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Each variable's default ({@code ""} for a bare {@code ${VAR}}). */
    Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            defaults.merge(matcher.group(1), matcher.group(3) == null ? "" : matcher.group(3), (a, b) -> {
                if (!a.equals(b)) {
                    throw new AssertionError(matcher.group(1) + " has two defaults: " + a + " and " + b);
                }
                return a;
            });
        }
        return defaults;
    }

    /**
     * Text with a {@code $} that is not one of the {@link #VARIABLE} forms, which Compose
     * would read otherwise.
     */
    List<String> otherDollarSigns() {
        return text.lines()
            .filter(line -> VARIABLE.matcher(line).replaceAll("").replace("$$", "").contains("$"))
            .toList();
    }

    Set<String> services() {
        return section("services").keySet();
    }

    Map<String, Object> service(String name) {
        return map(section("services").get(name), "services." + name);
    }

    Map<String, Object> section(String name) {
        return map(yaml.get(name), name);
    }

    /**
     * A service's environment as the container gets it, its variables taken from
     * {@code variables} (an unset one gets its default).
     */
    Map<String, String> environment(String service, Map<String, String> variables) {
        Map<String, Object> declared = map(service(service).get("environment"), service + ".environment");
        Map<String, String> environment = new LinkedHashMap<>();
        declared.forEach((name, value) -> environment.put(name, interpolate(String.valueOf(value), variables::get)));
        return environment;
    }

    /**
     * A service's environment with no variable set, as {@code docker compose up} without
     * a {@code .env} gives it.
     */
    Map<String, String> environment(String service) {
        return environment(service, Map.of());
    }

    /** A service's published ports as {@code host:container}, e.g. {@code 8180:8080}. */
    List<String> ports(String service) {
        Object ports = service(service).get("ports");
        return ports == null ? List.of() : ((List<?>) ports).stream().map(String::valueOf).toList();
    }

    /** A service's volumes as written, e.g. {@code db-data:/var/lib/postgresql/data}. */
    List<String> volumes(String service) {
        Object volumes = service(service).get("volumes");
        return volumes == null ? List.of() : ((List<?>) volumes).stream().map(String::valueOf).toList();
    }

    /** The host port a service's container port is published at. */
    int publishedPort(String service, int containerPort) {
        return ports(service).stream()
            .map(port -> port.split(":"))
            .filter(parts -> Integer.parseInt(parts[parts.length - 1]) == containerPort)
            .map(parts -> Integer.parseInt(parts[parts.length - 2]))
            .findFirst()
            .orElseThrow(() -> new AssertionError(service + " does not publish port " + containerPort));
    }

    /** The command of a service's healthcheck, e.g. {@code [CMD, pg_isready, ...]}. */
    List<String> healthcheck(String service) {
        Map<String, Object> healthcheck = map(service(service).get("healthcheck"), service + ".healthcheck");
        return ((List<?>) healthcheck.get("test")).stream().map(String::valueOf).toList();
    }

    private static String interpolate(String value, Function<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String set = variables.apply(matcher.group(1));
            boolean useDefault = set == null || (":-".equals(matcher.group(2)) && set.isEmpty());
            String replacement = useDefault ? (matcher.group(3) == null ? "" : matcher.group(3)) : set;
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString().replace("$$", "$");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new AssertionError("docker-compose.yml has no mapping " + what);
        }
        return (Map<String, Object>) map;
    }

}
