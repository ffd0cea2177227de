'use strict';
// Tokenizes every examples/**/*.netspec and stdlib/*.netspec file of the repository (and this
// extension's tests/valid/*.netspec) with the TextMate grammar and fails if any token has an
// `invalid` scope: a valid file must highlight without error marks. There may be no examples
// yet; the count is printed either way. Files given on the command line are checked instead.
const fs = require('fs');
const path = require('path');
const { loadGrammar, tokenize } = require('./tokenize');

const REPO = path.resolve(__dirname, '..', '..', '..');

function walk(dir, recursive, out) {
  if (!fs.existsSync(dir)) {
    return out;
  }
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && recursive) {
      walk(full, recursive, out);
    } else if (entry.isFile() && entry.name.endsWith('.netspec')) {
      out.push(full);
    }
  }
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const sources = args.length > 0
    ? { 'the command line': args.map((f) => path.resolve(f)) }
    : {
      'examples/': walk(path.join(REPO, 'examples'), true, []),
      'stdlib/': walk(path.join(REPO, 'stdlib'), false, []),
      'editor-support/vscode/tests/valid/': walk(path.join(__dirname, '..', 'tests', 'valid'), false, []),
    };
  const files = Object.values(sources).flat();
  const grammar = await loadGrammar();
  let problems = 0;
  for (const file of files) {
    const shown = path.relative(process.cwd(), file);
    for (const token of tokenize(grammar, fs.readFileSync(file, 'utf8'))) {
      const invalid = token.scopes.find((s) => s === 'invalid' || s.startsWith('invalid.'));
      if (invalid) {
        problems++;
        console.log(`ERROR ${shown}:${token.line}:${token.start + 1}: ${JSON.stringify(token.text)} is highlighted as ${invalid}`);
      }
    }
  }
  const counts = Object.entries(sources).map(([where, list]) => `${list.length} from ${where}`).join(', ');
  const summary = `checked ${files.length} .netspec file(s) (${counts}): ` +
    (problems === 0 ? 'no invalid tokens' : `${problems} invalid token(s)`);
  console.log(summary);
  process.exitCode = problems === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
