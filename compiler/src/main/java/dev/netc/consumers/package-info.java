/**
 * What netc's consumers do with its output, as data: each record here is one row of a checked-in
 * table in {@code src/main/catalogue} (generated into {@code ConsumerTables}), and each row cites
 * the consumer's code it was read from (repository, commit, file:line). The analysers check what a
 * spec asks for against these rows, and the emitters derive what they write from them; the
 * conformance harness ({@code conformance/}) replays the same consumers on the emitted files.
 */
package dev.netc.consumers;
