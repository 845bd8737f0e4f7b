/** `npm run i18n:types`: writes src/i18n/source.generated.ts from the English JSON. */
import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import { typesFile, typesText } from "../../src/i18n/generateTypes.js";

writeFileSync(typesFile, typesText());
process.stdout.write(`wrote ${relative(process.cwd(), typesFile)}\n`);
