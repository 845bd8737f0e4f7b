/**
 * `npm run i18n:status`: a Markdown table of the languages with their translated,
 * missing and fallback counts (src/i18n/status.ts says what each column means).
 */
import { languages } from "../../src/i18n/languages.js";
import { statusRows, statusTable } from "../../src/i18n/status.js";

process.stdout.write(`${statusTable(statusRows(languages))}\n`);
