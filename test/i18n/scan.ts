/**
 * Finds string literals that look like text for people (words with spaces, or
 * a capitalised single word like a button label) in TypeScript source, with
 * the contexts where such text is not for members left out: log calls,
 * `new Error(...)` (internal errors), module specifiers, literal types, and
 * the `name`/`description` of command definitions (checked against the
 * catalogue by commands.test.ts instead).
 */
import { readFileSync } from "node:fs";
import ts from "typescript";

export interface Finding {
  file: string;
  line: number;
  text: string;
}

const sentence = /[A-Za-z]{2,}[,:;!?']?\s+[A-Za-z]{2,}/;
const label = /^[A-Z][a-z]{2,}$/;
const logMethods = new Set(["trace", "debug", "info", "warn", "error", "fatal"]);

export function looksLikeText(text: string): boolean {
  return sentence.test(text) || label.test(text.trim());
}

function allowedContext(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isLiteralTypeNode(n))
      return true;
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression)) {
      // Internal errors for logs and operators; what a member reads is a UserError.
      if (
        /^(Error|TypeError|RangeError)$|Error$/.test(n.expression.text) &&
        n.expression.text !== "UserError"
      )
        return true;
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const method = n.expression.name.text;
      const target = n.expression.expression.getText();
      if (logMethods.has(method) && /log(ger)?$/i.test(target)) return true;
    }
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name)) {
      if (["name", "description"].includes(n.name.text) && insideCommandData(n)) return true;
    }
    if (ts.isBlock(n) || ts.isSourceFile(n)) break;
  }
  return false;
}

/** Inside `const data = { ... }` or a shared options array (or function) of a command module. */
function insideCommandData(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name))
      return ["data", "filterOptions", "cardOptions"].includes(n.name.text);
  }
  return false;
}

export function scanFile(file: string): Finding[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
  );
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!looksLikeText(text) || allowedContext(node)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    findings.push({ file, line: line + 1, text });
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      // Property names and element access keys are identifiers, not text.
      if (!(ts.isPropertyAssignment(node.parent) && node.parent.name === node))
        report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
      for (const part of parts) report(node, part);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}
