package io.tapintercom.config;

import java.util.List;

/**
 * Input the user can fix: a config, catalog or state file, or a command-line flag. Each problem is one
 * line naming the file or key at fault; the tap exits with status 2 and no stack trace.
 */
public final class BadInputException extends RuntimeException {
    private final List<String> problems;

    public BadInputException(String problem) {
        this(List.of(problem));
    }

    public BadInputException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
