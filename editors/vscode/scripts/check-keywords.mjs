// Checks that the TextMate grammar highlights exactly the keywords of the
// czql lexer: the words of lexer/keywords.go (reservedWords, aggregates,
// softKeywords) against the (?i:a|b|c) alternations of the grammar's
// "keywords" and "aggregates" rules. Run by `npm run test:grammar`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const goSource = readFileSync(here('../../../lexer/keywords.go'), 'utf8');
const grammar = JSON.parse(readFileSync(here('../syntaxes/czql.tmLanguage.json'), 'utf8'));

// The quoted upper-case words of the Go declarations of the three tables.
const lexerWords = new Set();
for (const table of ['reservedWords', 'aggregates', 'softKeywords']) {
  const decl = new RegExp(`var ${table} = ([\\s\\S]*?)\\n\\n`).exec(goSource);
  if (!decl) {
    fail(`lexer/keywords.go: no declaration of ${table}`);
  }
  for (const [, word] of decl[1].matchAll(/"([A-Z]+)"/g)) {
    lexerWords.add(word.toLowerCase());
  }
}

// The words of the grammar's keyword rules, each in one rule only.
const grammarWords = new Map();
const rules = [grammar.repository.aggregates, ...grammar.repository.keywords.patterns];
for (const rule of rules) {
  for (const [, alternation] of rule.match.matchAll(/\(\?i:([a-z|]+)\)/g)) {
    for (const word of alternation.split('|')) {
      if (grammarWords.has(word)) {
        fail(`grammar: "${word}" is in ${grammarWords.get(word)} and in ${rule.name}`);
      }
      grammarWords.set(word, rule.name);
    }
  }
}

const missing = [...lexerWords].filter((w) => !grammarWords.has(w));
const extra = [...grammarWords.keys()].filter((w) => !lexerWords.has(w));
if (missing.length || extra.length) {
  fail(
    'the grammar and lexer/keywords.go disagree:' +
      (missing.length ? `\n  keywords of the lexer the grammar lacks: ${missing.join(' ')}` : '') +
      (extra.length ? `\n  words the grammar highlights that the lexer does not know: ${extra.join(' ')}` : ''),
  );
}
console.log(`check-keywords: the grammar has the ${lexerWords.size} keywords of lexer/keywords.go`);

function fail(message) {
  console.error(`check-keywords: ${message}`);
  process.exit(1);
}
