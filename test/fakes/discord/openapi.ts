import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
// A CommonJS module: its `default` is the function, under Node and TypeScript alike.
import standalone from "ajv/dist/standalone/index.js";
import { ApiError, asArray, asObject } from "./http.js";
import { createSpecCache } from "./openapiCache.js";

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
  template: string;
  pattern: RegExp;
  /** Literal segments: `/users/@me/channels` must win over `/users/{user_id}/...`. */
  literals: number;
  /** Methods with a JSON request body. */
  methods: string[];
}

interface Spec {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

let spec: Spec | null = null;
let ajv: Ajv2020 | null = null;
let operations: Operation[] | null = null;
const compiled = new Map<string, ValidateFunction | null>();
/** Bump when the patches below change what a compiled validator accepts. */
const PATCHES_VERSION = 1;
const ajvVersion = (createRequire(import.meta.url)("ajv/package.json") as { version: string })
  .version;
const cache = createSpecCache(SPEC_FILE, `ajv-${ajvVersion}-patches-${PATCHES_VERSION}`);

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
  const operation = routes().find((op) => op.pattern.test(path) && op.methods.includes(method));
  if (!operation) return null;
  const key = `${method} ${operation.template}`;
  if (!compiled.has(key)) {
    // Compiled code is cached on disk: compiling costs ~0.5 s of CPU per test file otherwise.
    const validate =
      cache.load<ValidateFunction>(key) ??
      cache.store(key, compile(method, operation.template), (fn) =>
        standalone.default(loadAjv(), fn),
      );
    compiled.set(key, validate);
  }
  return compiled.get(key) ?? null;
}

function routes(): Operation[] {
  if (operations) return operations;
  const table =
    cache.loadJson<Omit<Operation, "pattern">[]>("routes") ??
    cache.storeJson("routes", routeTable(loadSpec()));
  operations = table.map((op) => ({ ...op, pattern: patternOf(op.template) }));
  return operations;
}

function routeTable(loadedSpec: Spec): Omit<Operation, "pattern">[] {
  const table = Object.entries(loadedSpec.paths).map(([template, item]) => ({
    template,
    literals: template.split("/").filter((p) => p !== "" && !p.startsWith("{")).length,
    methods: Object.keys(item).filter((method) => jsonSchemaOf(item[method]) !== undefined),
  }));
  return table.sort((a, b) => b.literals - a.literals);
}

function patternOf(template: string): RegExp {
  const source = template
    .split("/")
    .map((p) => (p.startsWith("{") ? "[^/]+" : p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}$`);
}

function jsonSchemaOf(operation: unknown): unknown {
  const content = asObject(asObject(asObject(operation)?.requestBody)?.content);
  return asObject(content?.["application/json"])?.schema;
}

function compile(method: string, template: string): ValidateFunction {
  const schema = jsonSchemaOf(loadSpec().paths[template]?.[method]);
  return loadAjv().compile(reroot(schema) as object);
}

function loadSpec(): Spec {
  spec ??= JSON.parse(readFileSync(SPEC_FILE, "utf8")) as Spec;
  return spec;
}

function loadAjv(): Ajv2020 {
  if (ajv) return ajv;
  const components = structuredClone(loadSpec().components);
  acceptDigitStrings(components.schemas);
  ajv = new Ajv2020({
    strict: false,
    validateFormats: false,
    validateSchema: false,
    code: { source: true },
  });
  ajv.addSchema({ $id: SPEC_ID, components });
  return ajv;
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
