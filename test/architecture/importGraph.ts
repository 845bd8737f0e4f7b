/**
 * The project's import graph read with the TypeScript parser (`import`, `import type`,
 * `export ... from`, `import()`), relative specifiers resolved to files, and the rules checked
 * over what a file reaches, not only what it names: a rule that a direct import keeps could be
 * broken one hop further. A package import records whether it is type-only (erased at build).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

export interface ImportGraph {
  /** Project files (root-relative, `/`-separated) to the project files they import. */
  files: Map<string, string[]>;
  /** Project files to the packages they import (`discord.js`, `node:fs`...). */
  packages: Map<string, PackageImport[]>;
}

export interface PackageImport {
  name: string;
  /** `import type` / `export type`, or every named binding `type`: nothing of it is loaded. */
  typeOnly: boolean;
}

interface Specifier {
  spec: string;
  typeOnly: boolean;
}

function typeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import "x"` runs x
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return (
    clause.name === undefined &&
    named !== undefined &&
    ts.isNamedImports(named) &&
    named.elements.length > 0 &&
    named.elements.every((e) => e.isTypeOnly)
  );
}

/** Every module specifier of a file, static or dynamic. */
function specifiersOf(file: string): Specifier[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const found: Specifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
      found.push({ spec: node.moduleSpecifier.text, typeOnly: typeOnlyImport(node) });
    else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      found.push({ spec: node.arguments[0].text, typeOnly: false });
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) found.push({ spec: literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function walk(dir: string, out: string[]): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (path.endsWith(".ts") && !path.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

const posix = (path: string) => path.split(sep).join("/");

/** `./x.js` is written for `./x.ts` (NodeNext); a folder means its index. */
function resolveRelative(fromFile: string, spec: string): string {
  const base = resolve(dirname(fromFile), spec);
  const candidates = [base.replace(/\.js$/, ".ts"), base, `${base}.ts`, join(base, "index.ts")];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base;
}

/** Package name of a bare specifier: `@scope/name` or `name` (`discord.js/x` is `discord.js`). */
function packageOf(spec: string): string {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? spec);
}

export function readImportGraph(root: string, dirs: readonly string[]): ImportGraph {
  const files = new Map<string, string[]>();
  const packages = new Map<string, PackageImport[]>();
  for (const file of dirs.flatMap((d) => walk(join(root, d), []))) {
    const project: string[] = [];
    const external: PackageImport[] = [];
    for (const { spec, typeOnly } of specifiersOf(file)) {
      if (spec.startsWith(".")) project.push(posix(relative(root, resolveRelative(file, spec))));
      else external.push({ name: packageOf(spec), typeOnly });
    }
    const key = posix(relative(root, file));
    files.set(key, project);
    packages.set(key, external);
  }
  return { files, packages };
}

/** Every project file `start` reaches, with the chain of imports that reaches it. */
export function reach(graph: ImportGraph, start: string): Map<string, string[]> {
  const paths = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const chain = paths.get(file) ?? [file];
    for (const next of graph.files.get(file) ?? []) {
      if (paths.has(next)) continue;
      paths.set(next, [...chain, next]);
      queue.push(next);
    }
  }
  return paths;
}

export interface ImportRule {
  name: string;
  /** The files the rule speaks for. */
  from: (file: string) => boolean;
  /** A project file they must not reach (directly or through others). */
  mustNotReach?: (file: string) => boolean;
  /** A package they must not import themselves, not even its types. */
  mustNotImportPackage?: (pkg: string) => boolean;
  /** A package nothing they reach may load (a type-only import of it, erased at build, may stay). */
  mustNotLoadPackage?: (pkg: string) => boolean;
  /** Only direct imports count (for "imports nothing but ..." rules). */
  direct?: boolean;
}

/** One line per broken rule and offending chain: `rule: a -> b -> c`. */
export function brokenRules(graph: ImportGraph, rules: readonly ImportRule[]): string[] {
  const broken: string[] = [];
  for (const rule of rules) {
    for (const start of [...graph.files.keys()].filter(rule.from)) {
      const reached = rule.direct
        ? new Map((graph.files.get(start) ?? []).map((f) => [f, [start, f]]))
        : reach(graph, start);
      reached.set(start, [start]);
      for (const [file, chain] of reached) {
        if (file !== start && rule.mustNotReach?.(file))
          broken.push(`${rule.name}: ${chain.join(" -> ")}`);
        for (const pkg of graph.packages.get(file) ?? []) {
          const own = file === start && rule.mustNotImportPackage?.(pkg.name);
          const loaded = !pkg.typeOnly && !rule.direct && rule.mustNotLoadPackage?.(pkg.name);
          if (own || loaded) broken.push(`${rule.name}: ${[...chain, pkg.name].join(" -> ")}`);
        }
      }
    }
  }
  return [...new Set(broken)];
}
