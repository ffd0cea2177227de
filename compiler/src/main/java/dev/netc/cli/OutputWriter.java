package dev.netc.cli;

import dev.netc.emit.Emitter;
import dev.netc.emit.OutputFile;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a compilation's files into the output folder so that it always holds either the
 * previous output, byte for byte, or the complete new one, never a mix:
 *
 * <ol>
 *   <li>everything is written into a staging folder beside the output folder (same file
 *       system, so renames are atomic);</li>
 *   <li>a journal of the changes is put into the staging folder;</li>
 *   <li>each file is moved into place, the file it replaces or removes moved aside into the
 *       staging folder;</li>
 *   <li>deleting the journal commits the run; then the staging folder is removed.</li>
 * </ol>
 *
 * If a step of 3 fails, the changes are undone at once. If the process dies during 3, the
 * next run into the same folder finds the journal and undoes them first ({@link #recover}).
 * When the output folder does not exist yet, steps 2 and 3 are one rename of the staged folder.
 * Files that the previous run wrote (listed in {@value #MANIFEST}) and this run does not are
 * removed; files netc did not write are never touched, and a file netc would write over one
 * of them is an error. One run at a time: a lock beside the folder serialises them ({@link OutputLock};
 * a batch of sites holds one lock for the folder of all sites: {@link #openSites}).
 */
final class OutputWriter {
    static final String MANIFEST = ".netc-manifest";
    private static final String NEW = "new";
    private static final String OLD = "old";
    private static final String JOURNAL = "journal";
    private static final String STAGING = ".netc-staging-";
    /** Fewer files than this are written one after the other: handing them out would cost more than it saves. */
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final FileOps disk;

    OutputWriter(FileOps disk) {
        this.disk = disk;
    }

    /** Writes {@code files} into {@code outputDir} (created if need be). */
    static void write(Path outputDir, List<OutputFile> files) throws IOException {
        new OutputWriter(FileOps.DISK).install(outputDir, files);
    }

    /** Undoes what a run that died half-way changed in {@code outputDir}; nothing when there is nothing to undo. */
    static void recover(Path outputDir) throws IOException {
        new OutputWriter(FileOps.DISK).undoInterrupted(outputDir);
    }

    /**
     * Locks {@code dir} (created with the first site written) for a batch that writes one
     * output folder per site into it, and undoes the interrupted writes of every site there at
     * once. Per site, a lock file and a look for leftovers would cost a file and a listing of
     * the whole folder each: on a fleet of thousands of sites, more than compiling them.
     */
    static SiteFolders openSites(Path dir) throws IOException {
        return new OutputWriter(FileOps.DISK).open(dir);
    }

    @SuppressWarnings("try") // the lock is held for the block, not used in it
    void undoInterrupted(Path outputDir) throws IOException {
        Path target = absolute(outputDir);
        if (!leftoverStaging(target).isEmpty()) {
            try (OutputLock lock = OutputLock.acquire(target)) {
                recoverLocked(target);
            }
        }
    }

    @SuppressWarnings("try") // the lock is held for the block, not used in it
    void install(Path outputDir, List<OutputFile> files) throws IOException {
        Path target = absolute(outputDir);
        disk.createDirectories(target.getParent());
        try (OutputLock lock = OutputLock.acquire(target)) {
            recoverLocked(target);
            installLocked(target, files);
        }
    }

    SiteFolders open(Path dir) throws IOException {
        Path folder = absolute(dir);
        disk.createDirectories(folder.getParent());
        OutputLock lock = OutputLock.acquire(folder);
        try {
            for (Leftover leftover : leftoversIn(folder, ".")) {
                undo(leftover.staging(), leftover.target());
            }
            return new SiteFolders(folder, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The output folders of a batch's sites, inside one locked folder; sites may be written from several threads. */
    final class SiteFolders implements Closeable {
        private final Path folder;
        private final OutputLock lock;

        private SiteFolders(Path folder, OutputLock lock) {
            this.folder = folder;
            this.lock = lock;
        }

        /** Writes {@code files} into the site's folder; {@code site} is a folder name, as the sites file checks. */
        void write(String site, List<OutputFile> files) throws IOException {
            Path target = folder.resolve(site).normalize();
            if (!folder.equals(target.getParent())) {
                throw new OutputException("refusing to write the site `" + site + "`: not a plain folder name");
            }
            disk.createDirectories(folder); // only now: a batch whose sites all fail leaves no folder behind
            installLocked(target, files);
        }

        @Override
        public void close() throws IOException {
            lock.close();
        }
    }

    /**
     * Writes the files while the caller holds the lock and nothing is left to undo. A file the
     * previous run wrote with the same bytes and mode is left as it is: untouched, it keeps its
     * modification time for the tools that watch it, and compiling an unchanged spec again
     * writes nothing at all (a fleet's sites mostly stay the same).
     */
    private void installLocked(Path target, List<OutputFile> files) throws IOException {
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        String manifest = files.stream().map(OutputFile::path).distinct().collect(Collectors.joining("\n")) + "\n";
        Set<String> previous = exists ? previousManifest(target) : Set.of();
        Set<String> unchanged = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
                ? unchanged(target, files, previous, manifest)
                : Set.of();
        Path staging = createStaging(target);
        try {
            stage(staging.resolve(NEW), files, unchanged, manifest);
            if (exists) {
                OutputJournal journal = plan(target, files, previous, unchanged);
                if (!journal.steps().isEmpty()) {
                    disk.writeNew(staging.resolve(JOURNAL + ".tmp"), journal.format(), false);
                    disk.move(staging.resolve(JOURNAL + ".tmp"), staging.resolve(JOURNAL));
                    apply(staging, target, journal);
                    disk.deleteIfExists(staging.resolve(JOURNAL)); // the commit: from here on the new output stays
                }
            } else {
                // a new output folder: nothing to move aside, nothing to undo but the staging
                // folder, and one rename commits the whole folder
                disk.move(staging.resolve(NEW), target);
            }
        } catch (IOException | RuntimeException e) {
            try {
                undo(staging, target);
            } catch (IOException | RuntimeException undoFailed) {
                e.addSuppressed(undoFailed); // the journal stays: the next run undoes the rest
            }
            throw e;
        }
        try {
            deleteTree(staging);
        } catch (IOException e) {
            // committed already; a staging folder without journal is simply removed by the next run
        }
    }

    /** Every file that changes, and the new manifest if it does, under {@code dir}. */
    private void stage(Path dir, List<OutputFile> files, Set<String> unchanged, String manifest) throws IOException {
        disk.createDirectories(dir);
        Set<Path> folders = new LinkedHashSet<>();
        List<OutputFile> changed = new ArrayList<>();
        for (OutputFile file : files) {
            Path path = dir.resolve(checkedPath(file.path()));
            if (!unchanged.contains(file.path())) {
                folders.add(path.getParent());
                changed.add(file);
            }
        }
        for (Path folder : folders) {
            disk.createDirectories(folder);
        }
        writeAll(dir, changed);
        if (!unchanged.contains(MANIFEST)) {
            disk.writeNew(dir.resolve(MANIFEST), manifest, false);
        }
    }

    /**
     * Writes the files into {@code dir}. Many files (a large spec's thousand namespaces) are
     * written by all processors at once: writing them is the kernel's work, and the compiler has
     * nothing else left to do. Nothing depends on the order: the folder is only staged.
     */
    private void writeAll(Path dir, List<OutputFile> files) throws IOException {
        try {
            Emitter.streamOf(files).forEach(file -> {
                try {
                    disk.writeNew(dir.resolve(file.path()), file.content(), file.secret());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The files (and the manifest) that the previous run wrote exactly as this one would: same bytes, same mode. */
    private static Set<String> unchanged(Path target, List<OutputFile> files, Set<String> previous, String manifest)
            throws IOException {
        Set<String> unchanged = new HashSet<>();
        for (OutputFile file : files) {
            if (previous.contains(file.path())
                    && insideWithoutLinks(target, file.path())
                    && holds(target.resolve(file.path()), file.content(), file.secret())) {
                unchanged.add(file.path());
            }
        }
        if (holds(target.resolve(MANIFEST), manifest, false)) {
            unchanged.add(MANIFEST);
        }
        return unchanged;
    }

    /** Whether the regular file at {@code path} has exactly this content and the mode netc gives such a file. */
    private static boolean holds(Path path, String content, boolean secret) throws IOException {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        }
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return attributes.isRegularFile()
                && attributes.size() == bytes.length
                && attributes.permissions().equals(secret ? FileOps.SECRET_MODE : FileOps.PUBLIC_MODE)
                && Arrays.equals(Files.readAllBytes(path), bytes);
    }

    /**
     * The steps from the folder as it is to the new output, leaving out what is unchanged;
     * refuses to write over a file netc did not write.
     */
    private OutputJournal plan(Path target, List<OutputFile> files, Set<String> previous, Set<String> unchanged)
            throws IOException {
        List<OutputJournal.Step> steps = new ArrayList<>();
        Set<String> dirs = new LinkedHashSet<>();
        Set<String> written = new LinkedHashSet<>();
        if (!Files.isDirectory(target)) {
            dirs.add("");
        }
        for (OutputFile file : files) {
            String path = file.path();
            written.add(path);
            if (unchanged.contains(path)) {
                continue;
            }
            boolean exists = Files.exists(target.resolve(path), LinkOption.NOFOLLOW_LINKS);
            if (exists && !previous.contains(path)) {
                throw new OutputException("`" + target.resolve(path) + "` exists and netc did not write it"
                        + " (it is not in " + MANIFEST + "); move it away or choose another output folder");
            }
            checkInside(target, path);
            newDirs(target, path, dirs);
            steps.add(new OutputJournal.Step(exists ? OutputJournal.Kind.REPLACE : OutputJournal.Kind.ADD, path));
        }
        for (String stale : previous) {
            if (!written.contains(stale)
                    && Files.isRegularFile(target.resolve(stale), LinkOption.NOFOLLOW_LINKS)
                    && insideWithoutLinks(target, stale)) {
                steps.add(new OutputJournal.Step(OutputJournal.Kind.REMOVE, stale));
            }
        }
        if (!unchanged.contains(MANIFEST)) {
            boolean manifestExists = Files.exists(target.resolve(MANIFEST), LinkOption.NOFOLLOW_LINKS);
            steps.add(new OutputJournal.Step(
                    manifestExists ? OutputJournal.Kind.REPLACE : OutputJournal.Kind.ADD, MANIFEST));
        }
        return new OutputJournal(steps, List.copyOf(dirs));
    }

    /** Moves every file into place, the previous one aside into {@code old/}. */
    private void apply(Path staging, Path target, OutputJournal journal) throws IOException {
        for (String dir : journal.createdDirs()) {
            disk.createDirectories(target.resolve(dir));
        }
        for (OutputJournal.Step step : journal.steps()) {
            Path destination = target.resolve(step.path());
            if (step.existedBefore()) {
                Path aside = staging.resolve(OLD).resolve(step.path());
                disk.createDirectories(aside.getParent());
                disk.move(destination, aside);
            }
            if (step.kind() != OutputJournal.Kind.REMOVE) {
                disk.move(staging.resolve(NEW).resolve(step.path()), destination);
            }
        }
        for (OutputJournal.Step step : journal.steps()) {
            if (step.kind() == OutputJournal.Kind.REMOVE) {
                deleteEmptyParents(target, target.resolve(step.path()).getParent());
            }
        }
    }

    /**
     * Puts back what a journal says was changed. Safe to repeat after a failure part-way: a
     * file that existed before is restored only while it is still aside, and a file that did
     * not exist is removed only once its staged copy has been moved in.
     */
    private void undo(Path staging, Path target) throws IOException {
        Path journalFile = staging.resolve(JOURNAL);
        if (Files.isRegularFile(journalFile)) {
            OutputJournal journal = OutputJournal.read(journalFile);
            List<OutputJournal.Step> steps = new ArrayList<>(journal.steps());
            Collections.reverse(steps);
            for (OutputJournal.Step step : steps) {
                Path destination = target.resolve(step.path());
                Path aside = staging.resolve(OLD).resolve(step.path());
                if (step.existedBefore()) {
                    if (Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
                        disk.createDirectories(destination.getParent());
                        disk.move(aside, destination);
                    }
                } else if (!Files.exists(staging.resolve(NEW).resolve(step.path()), LinkOption.NOFOLLOW_LINKS)) {
                    disk.deleteIfExists(destination);
                }
            }
            List<String> dirs = new ArrayList<>(journal.createdDirs());
            dirs.sort((a, b) -> Integer.compare(b.length(), a.length())); // the deepest first
            for (String dir : dirs) {
                deleteIfEmpty(target.resolve(dir));
            }
            disk.deleteIfExists(journalFile);
        }
        deleteTree(staging);
    }

    private void recoverLocked(Path target) throws IOException {
        for (Path staging : leftoverStaging(target)) {
            undo(staging, target);
        }
    }

    private static List<Path> leftoverStaging(Path target) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Leftover leftover : leftoversIn(target.getParent(), stagingPrefix(target))) {
            if (leftover.target().equals(target)) {
                found.add(leftover.staging());
            }
        }
        return found;
    }

    /** A staging folder an interrupted run left, and the output folder it was for. */
    private record Leftover(Path staging, Path target) {}

    /**
     * The staging folders in {@code dir} whose names start with {@code prefix}, by name. (A
     * prefix, not a glob: the JDK turns a glob into a regular expression, which cost about a
     * millisecond of every start.)
     */
    private static List<Leftover> leftoversIn(Path dir, String prefix) throws IOException {
        List<Leftover> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                int infix = name.lastIndexOf(STAGING);
                if (name.startsWith(prefix) && infix > 1 && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(new Leftover(entry, dir.resolve(name.substring(1, infix))));
                }
            }
        }
        // a lambda of netc's own: the JDK's Comparator.comparing is generated at every start (not in netc's archive)
        found.sort((a, b) -> a.staging().compareTo(b.staging()));
        return found;
    }

    /** Folders between the output folder and the file that do not exist yet, parents first. */
    private static void newDirs(Path target, String path, Set<String> dirs) {
        Path parent = Path.of(path).getParent();
        List<String> missing = new ArrayList<>();
        for (Path dir = parent; dir != null; dir = dir.getParent()) {
            if (!Files.isDirectory(target.resolve(dir), LinkOption.NOFOLLOW_LINKS)) {
                missing.add(dir.toString());
            }
        }
        Collections.reverse(missing);
        dirs.addAll(missing);
    }

    /** The files the previous run wrote, in its order. */
    private static Set<String> previousManifest(Path target) throws IOException {
        Path manifest = target.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return Set.of();
        }
        Set<String> paths = new LinkedHashSet<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            String path = line.trim();
            // a manifest is only text in a folder: a line that could reach outside it is ignored
            if (isPlainRelative(path)) {
                paths.add(path);
            }
        }
        return paths;
    }

    private static String checkedPath(String path) throws OutputException {
        if (!isPlainRelative(path)) {
            throw new OutputException("refusing to write `" + path + "`: not a plain relative path");
        }
        return path;
    }

    /** Relative, without `.`, `..` or empty parts, and not netc's own bookkeeping. */
    private static boolean isPlainRelative(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.equals(MANIFEST)) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static void checkInside(Path target, String path) throws OutputException {
        if (!insideWithoutLinks(target, path)) {
            throw new OutputException("refusing to write `" + target.resolve(path)
                    + "`: a folder on the way is a symbolic link, which could lead outside the output folder");
        }
    }

    /** True when no folder between the output folder and the file is a symbolic link. */
    private static boolean insideWithoutLinks(Path target, String path) {
        Path dir = target;
        Path parent = Path.of(path).getParent();
        if (parent == null) {
            return true;
        }
        for (Path part : parent) {
            dir = dir.resolve(part);
            if (Files.isSymbolicLink(dir)) {
                return false;
            }
        }
        return true;
    }

    private void deleteEmptyParents(Path target, Path dir) throws IOException {
        for (Path current = dir;
                current != null && current.startsWith(target) && !current.equals(target);
                current = current.getParent()) {
            if (!deleteIfEmpty(current)) {
                return;
            }
        }
    }

    private boolean deleteIfEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                return false;
            }
        }
        disk.deleteIfExists(dir);
        return true;
    }

    private void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            disk.deleteIfExists(path);
        }
    }

    /**
     * A new staging folder beside the target, readable by the owner only, with the first free
     * number: runs into one folder are serialised by its lock and its leftovers are gone by now,
     * so that is normally 1. (Not {@code Files.createTempDirectory}: setting up its SecureRandom
     * cost a short compile 10 ms.)
     */
    private static Path createStaging(Path target) throws IOException {
        for (int number = 1; ; number++) {
            try {
                return Files.createDirectory(
                        target.resolveSibling(stagingPrefix(target) + number),
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                // something that is not netc's leftover has the name: take the next number
            }
        }
    }

    private static String stagingPrefix(Path target) {
        return "." + target.getFileName() + STAGING;
    }

    private static Path absolute(Path outputDir) throws OutputException {
        Path target = outputDir.toAbsolutePath().normalize();
        if (target.getParent() == null || target.getFileName() == null) {
            throw new OutputException("cannot use `" + outputDir + "` as the output folder: it has no parent folder");
        }
        return target;
    }

    /** A reason the output cannot be written that is no I/O failure: a conflict or an unsafe path. */
    static final class OutputException extends IOException {
        private static final long serialVersionUID = 1L;

        OutputException(String message) {
            super(message);
        }
    }
}
