package com.turnstileadmin.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Dockerfile}, read into its stages and instructions as {@code docker build}
 * reads it (comments dropped, continued lines joined), so that tests can check it and run
 * its commands.
 */
final class Dockerfile {

    static final Path PATH = Path.of("Dockerfile");

    private static final Pattern FROM = Pattern.compile("(?i)(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One instruction: its keyword in capitals, e.g. {@code COPY}, and the rest of it.
     */
    record Instruction(String keyword, String arguments) {
    }

    /** A stage, from its {@code FROM} to the next. */
    record Stage(String image, String name, List<Instruction> instructions) {

        List<String> arguments(String keyword) {
            return instructions.stream()
                .filter(instruction -> instruction.keyword().equals(keyword))
                .map(Instruction::arguments)
                .toList();
        }

        /** The single instruction of that kind. */
        String only(String keyword) {
            List<String> found = arguments(keyword);
            if (found.size() != 1) {
                throw new AssertionError("Expected one " + keyword + " in the stage " + image + ", found " + found);
            }
            return found.get(0);
        }
    }

    private final List<Stage> stages;

    private Dockerfile(List<Stage> stages) {
        this.stages = stages;
    }

    static Dockerfile read() {
        try {
            return parse(Files.readAllLines(PATH));
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot read " + PATH.toAbsolutePath(), e);
        }
    }

    static Dockerfile parse(List<String> lines) {
        List<String> joined = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (current == null && trimmed.isEmpty())) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            String part = continues ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
            current = current == null ? new StringBuilder(part) : current.append(' ').append(part);
            if (!continues) {
                joined.add(current.toString());
                current = null;
            }
        }
        List<Stage> stages = new ArrayList<>();
        for (String instruction : joined) {
            String[] parts = instruction.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            String arguments = parts.length > 1 ? parts[1] : "";
            if (keyword.equals("FROM")) {
                Matcher from = FROM.matcher(arguments);
                if (!from.matches()) {
                    throw new AssertionError("Unreadable FROM " + arguments);
                }
                stages.add(new Stage(from.group(1), from.group(2), new ArrayList<>()));
            }
            else if (stages.isEmpty()) {
                throw new AssertionError(keyword + " before the first FROM");
            }
            else {
                stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    List<Stage> stages() {
        return stages;
    }

    /** The stage the image is made of: the last one. */
    Stage runtime() {
        return stages.get(stages.size() - 1);
    }

    Stage stage(String name) {
        return stages.stream()
            .filter(stage -> name.equals(stage.name()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("The Dockerfile has no stage " + name));
    }

    /**
     * The runtime stage's {@code ENV} value of a variable, e.g.
     * {@code JAVA_TOOL_OPTIONS}, without quotes.
     */
    String environment(String variable) {
        List<String> values = runtime().arguments("ENV")
            .stream()
            .filter(env -> env.startsWith(variable + "=") || env.startsWith(variable + " "))
            .map(env -> env.substring(variable.length() + 1).strip())
            .map(value -> value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                    ? value.substring(1, value.length() - 1) : value)
            .toList();
        if (values.size() != 1) {
            throw new AssertionError("Expected one ENV " + variable + ", found " + values);
        }
        return values.get(0);
    }

    /** The command of the runtime stage's {@code HEALTHCHECK}, from its exec form. */
    List<String> healthcheck() {
        String healthcheck = runtime().only("HEALTHCHECK");
        int command = healthcheck.indexOf("CMD ");
        if (command < 0) {
            throw new AssertionError("HEALTHCHECK without CMD: " + healthcheck);
        }
        return execForm(healthcheck.substring(command + "CMD ".length()));
    }

    /** The runtime stage's {@code ENTRYPOINT}, from its exec form. */
    List<String> entrypoint() {
        return execForm(runtime().only("ENTRYPOINT"));
    }

    /**
     * A JSON array such as {@code ["java", "-jar", "app.jar"]}; the shell form is
     * refused.
     */
    static List<String> execForm(String arguments) {
        if (!arguments.strip().startsWith("[")) {
            throw new AssertionError("Not in exec form (a JSON array): " + arguments);
        }
        return JSON.readValue(arguments, new TypeReference<List<String>>() {
        });
    }

}
