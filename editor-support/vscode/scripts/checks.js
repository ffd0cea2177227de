'use strict';
// What the check scripts share: named checks that pass or fail with a message, and the summary
// line `NAME: P passed, F failed` that run-tests.sh adds up.

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/** A list of checks; `check` runs one (a function, possibly async), `finish` prints them all. */
function checks() {
  const results = [];
  const record = (ok, message) => results.push([ok, message]);
  return {
    check(name, fn) {
      let value;
      try {
        value = fn();
      } catch (e) {
        record(false, `${name}: ${e.message}`);
        return undefined;
      }
      if (value && typeof value.then === 'function') {
        return value.then(() => record(true, name), (e) => record(false, `${name}: ${e.message}`));
      }
      record(true, name);
      return undefined;
    },
    fail(message) {
      record(false, message);
    },
    finish(summary) {
      const failed = results.filter(([ok]) => !ok).length;
      for (const [ok, message] of results) {
        console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
      }
      console.log(`${summary}: ${results.length - failed} passed, ${failed} failed`);
      process.exitCode = failed === 0 && results.length > 0 ? 0 : 1;
    },
  };
}

module.exports = { assert, checks };
