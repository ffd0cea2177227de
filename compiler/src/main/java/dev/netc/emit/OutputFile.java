package dev.netc.emit;

/**
 * One file netc writes, relative to the output folder.
 *
 * @param secret true when the content holds a secret: the file is written with mode 0600
 */
public record OutputFile(String path, String content, boolean secret) {
}
