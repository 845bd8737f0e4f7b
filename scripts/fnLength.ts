/**
 * Function bodies by their own lines, measured with the TypeScript parser: a body's lines that
 * hold code, less those inside nested functions (a factory's closures are counted on their own,
 * as a class's methods would be). Blank and comment-only lines are not counted.
 *
 *   npx tsx scripts/fnLength.ts [--over N] [dirs...]   (default: src commands, over 40)
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface FunctionLength {
  file: string;
  name: string;
  line: number;
  own: number;
  total: number;
}

function walkFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walkFiles(path, out);
    else if (path.endsWith(".ts") && !path.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

function nameOf(node: ts.Node, source: ts.SourceFile): string {
  const named = node as { name?: ts.Node };
  if (named.name) return named.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(source).slice(0, 40)})`;
  return "(anonymous)";
}

/** The lines of `source` that hold code (not blank, not only a comment). */
function codeLines(source: ts.SourceFile): Set<number> {
  const lines = new Set<number>();
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, source.languageVariant, source.text);
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.WhitespaceTrivia || kind === ts.SyntaxKind.NewLineTrivia) continue;
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) continue;
    const start = source.getLineAndCharacterOfPosition(scanner.getTokenPos()).line;
    const end = source.getLineAndCharacterOfPosition(scanner.getTextPos()).line;
    for (let line = start; line <= end; line++) lines.add(line);
  }
  return lines;
}

export function measureFile(path: string, root = process.cwd()): FunctionLength[] {
  const text = readFileSync(path, "utf8");
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const code = codeLines(source);
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const results: FunctionLength[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const body = node.body as ts.Node;
      const own = new Set<number>();
      for (let line = lineOf(body.getStart(source)); line <= lineOf(body.getEnd()); line++) {
        if (code.has(line)) own.add(line);
      }
      const total = own.size;
      const strip = (inner: ts.Node): void => {
        if (ts.isFunctionLike(inner) && "body" in inner && inner.body) {
          const innerBody = inner.body as ts.Node;
          // The nested function's own first line (its signature) stays with the parent.
          for (let line = lineOf(innerBody.getStart(source)) + 1; line <= lineOf(innerBody.getEnd()); line++) {
            own.delete(line);
          }
          return;
        }
        ts.forEachChild(inner, strip);
      };
      ts.forEachChild(body, strip);
      results.push({
        file: relative(root, path),
        name: nameOf(node, source),
        line: lineOf(node.getStart(source)) + 1,
        own: own.size,
        total,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return results;
}

export function measure(dirs: string[]): FunctionLength[] {
  return dirs.flatMap((dir) => walkFiles(dir)).flatMap((file) => measureFile(file));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const overAt = args.indexOf("--over");
  const over = overAt >= 0 ? Number(args[overAt + 1]) : 40;
  const dirs = args.filter((arg, index) => !arg.startsWith("--") && index !== overAt + 1);
  const rows = measure(dirs.length > 0 ? dirs : ["src", "commands"])
    .filter((row) => row.own > over)
    .sort((a, b) => b.own - a.own);
  for (const row of rows) console.log(`${String(row.own).padStart(4)} own ${String(row.total).padStart(4)} total  ${row.file}:${row.line} ${row.name}`);
}
