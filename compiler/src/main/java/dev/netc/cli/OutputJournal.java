package dev.netc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one write changes in the output folder, written into the staging folder before the
 * first change so that a run killed half-way can be undone by the next one. Each path is
 * relative to the output folder; the record is plain text, one step a line.
 *
 * @param steps the files, in the order they are installed
 * @param createdDirs folders that did not exist before, parents first
 */
record OutputJournal(List<Step> steps, List<String> createdDirs) {
    /** What happens to one path. */
    enum Kind {
        /** a new file where there was none */
        ADD,
        /** a new file over the previous one */
        REPLACE,
        /** a file of the previous run that this run does not write */
        REMOVE
    }

    record Step(Kind kind, String path) {
        /** True when the output folder had a file at this path before the write. */
        boolean existedBefore() {
            return kind != Kind.ADD;
        }
    }

    OutputJournal {
        steps = List.copyOf(steps);
        createdDirs = List.copyOf(createdDirs);
    }

    String format() {
        StringBuilder text = new StringBuilder();
        steps.forEach(step ->
                text.append(step.kind().name()).append(' ').append(step.path()).append('\n'));
        createdDirs.forEach(dir -> text.append("MKDIR ").append(dir).append('\n'));
        return text.toString();
    }

    static OutputJournal read(Path file) throws IOException {
        List<Step> steps = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int space = line.indexOf(' ');
            if (space < 0) {
                throw new IOException("damaged journal line `" + line + "` in " + file);
            }
            String word = line.substring(0, space);
            String path = line.substring(space + 1);
            if (word.equals("MKDIR")) {
                dirs.add(path);
            } else {
                steps.add(new Step(Kind.valueOf(word), path));
            }
        }
        return new OutputJournal(steps, dirs);
    }
}
