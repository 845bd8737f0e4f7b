/** `npm run i18n:review -- de [--missing]`: every text of one language next to English. */
import { locales } from "../src/i18n/index.js";
import { reviewText } from "../src/i18n/review.js";

const args = process.argv.slice(2);
const locale = locales.find((l) => l !== "en" && args.includes(l));
if (locale === undefined || locale === "en") {
  const others = locales.filter((l) => l !== "en").join("|");
  process.stderr.write(`Usage: npm run i18n:review -- <${others}> [--missing]\n`);
  process.exit(2);
}
process.stdout.write(reviewText(locale, args.includes("--missing")));
