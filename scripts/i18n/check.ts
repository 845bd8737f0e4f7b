/**
 * `npm run i18n:check`: every language in src/i18n/languages.ts against English
 * (keys, placeholders, plural forms, empty texts, Discord's limits) and the
 * generated source types, and that the Discord limits list names real keys. Prints one line per problem (file, key, [rule]) and
 * exits 1 if there is any. Also run by test/i18n/check.test.ts, so `npm test` runs it.
 */
import {
  checkLanguages,
  formatProblem,
  limitListProblems,
  typesProblems,
} from "../../src/i18n/check.js";
import { languages, sourceLanguage } from "../../src/i18n/languages.js";

const started = performance.now();
const problems = [
  ...checkLanguages(languages),
  ...limitListProblems(sourceLanguage),
  ...typesProblems(),
];
for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
const took = Math.round(performance.now() - started);
const names = languages.map((l) => l.folder).join(", ");
process.stdout.write(
  problems.length === 0
    ? `i18n:check: ${names} OK (${took} ms)\n`
    : `i18n:check: ${problems.length} problem(s) (${took} ms)\n`,
);
process.exitCode = problems.length === 0 ? 0 : 1;
