import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { ApiError, asArray, asObject } from "./http.js";

/**
 * Validates request bodies against Discord's own OpenAPI description, answering a violation
 * like Discord (400, 50035, an `errors` tree). Nothing is loaded until the first body arrives,
 * and each operation's schema is compiled once, on first use: the spec is 1.2 MB and most test
 * files touch a handful of routes.
 */
const SPEC_FILE = new URL("./spec/discord-openapi.json", import.meta.url);
const SPEC_ID = "https://discord.com/api/openapi.json";
/** Bit sets Discord documents (and discord.js sends) as strings but the spec types as integers. */
const BIT_SET_FIELDS = new Set(["default_member_permissions", "permissions", "allow", "deny"]);

interface Operation {
  pattern: RegExp;
  /** Literal segments: `/users/@me/channels` must win over `/users/{user_id}/...`. */
  literals: number;
  methods: Map<string, unknown>;
}

interface Loaded {
  ajv: Ajv2020;
  operations: Operation[];
}

let loaded: Loaded | null = null;
const compiled = new Map<string, ValidateFunction | null>();

/** Throws `ApiError` 50035 when `body` breaks the schema of `method path`; silent otherwise. */
export function validateAgainstSpec(method: string, path: string, body: unknown): void {
  if (body === undefined) return;
  const validate = validatorFor(method.toLowerCase(), path);
  if (!validate || validate(body)) return;
  const errors = errorTree(validate.errors ?? []);
  // FAKE_DISCORD_LOG_SPEC=1 npx vitest run: lists every refused body, even where a test swallows it.
  if (process.env.FAKE_DISCORD_LOG_SPEC) {
    console.error(`[fake discord] ${method} ${path} breaks the spec: ${JSON.stringify(errors)}`);
  }
  throw new ApiError(400, 50035, "Invalid Form Body", errors);
}

function validatorFor(method: string, path: string): ValidateFunction | null {
  const spec = load();
  const operation = spec.operations.find((op) => op.pattern.test(path) && op.methods.has(method));
  if (!operation) return null;
  const key = `${method} ${operation.pattern.source}`;
  if (!compiled.has(key)) {
    const schema = operation.methods.get(method);
    compiled.set(key, schema === undefined ? null : spec.ajv.compile(reroot(schema) as object));
  }
  return compiled.get(key) ?? null;
}

function load(): Loaded {
  if (loaded) return loaded;
  const spec = JSON.parse(readFileSync(SPEC_FILE, "utf8")) as {
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, unknown> };
  };
  acceptDigitStrings(spec.components.schemas);
  const ajv = new Ajv2020({ strict: false, validateFormats: false, validateSchema: false });
  ajv.addSchema({ $id: SPEC_ID, components: spec.components });
  const operations: Operation[] = Object.entries(spec.paths).map(([template, item]) => {
    const methods = new Map<string, unknown>();
    for (const [method, op] of Object.entries(item)) {
      const content = asObject(asObject(asObject(op)?.requestBody)?.content);
      const schema = asObject(content?.["application/json"])?.schema;
      if (schema !== undefined) methods.set(method, schema);
    }
    const parts = template.split("/");
    const source = parts
      .map((p) => (p.startsWith("{") ? "[^/]+" : p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("/");
    const literals = parts.filter((p) => p !== "" && !p.startsWith("{")).length;
    return { pattern: new RegExp(`^${source}$`), literals, methods };
  });
  operations.sort((a, b) => b.literals - a.literals);
  loaded = { ajv, operations };
  return loaded;
}

/** Points the operation's local refs (`#/components/...`) at the components schema. */
function reroot(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(reroot);
  const object = asObject(schema);
  if (!object) return schema;
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) =>
      key === "$ref" && typeof value === "string" && value.startsWith("#/")
        ? [key, `${SPEC_ID}${value}`]
        : [key, reroot(value)],
    ),
  );
}

function acceptDigitStrings(schemas: Record<string, unknown>): void {
  for (const [name, schema] of Object.entries(schemas)) {
    if (!/Request|Params/.test(name)) continue;
    const properties = asObject(asObject(schema)?.properties) ?? {};
    for (const [field, definition] of Object.entries(properties)) {
      const types = asObject(definition)?.type;
      const integer = types === "integer" || (asArray(types)?.includes("integer") ?? false);
      if (BIT_SET_FIELDS.has(field) && integer) {
        properties[field] = { anyOf: [definition, { type: "string", pattern: "^[0-9]+$" }] };
      }
    }
  }
}

/** Discord's shape: `{ embeds: { 0: { title: { _errors: [{ code, message }] } } } }`. */
function errorTree(errors: ErrorObject[]): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  for (const error of errors) {
    let node = tree;
    const path = error.instancePath.split("/").filter(Boolean);
    if (error.keyword === "required") path.push(String(error.params.missingProperty));
    for (const key of path) {
      const next = asObject(node[key]) ?? {};
      node[key] = next;
      node = next;
    }
    const list = asArray(node._errors) ?? [];
    list.push({
      code: codeOf(error),
      message: `${error.message ?? "invalid"} (${error.schemaPath})`,
    });
    node._errors = list;
  }
  return tree;
}

function codeOf(error: ErrorObject): string {
  switch (error.keyword) {
    case "maxLength":
    case "maxItems":
      return "BASE_TYPE_MAX_LENGTH";
    case "minLength":
    case "minItems":
      return "BASE_TYPE_MIN_LENGTH";
    case "required":
      return "BASE_TYPE_REQUIRED";
    case "type":
      return "BASE_TYPE_BAD_TYPE";
    case "enum":
    case "const":
      return "BASE_TYPE_CHOICES";
    default:
      return "INVALID_FORM_BODY";
  }
}
