import { ApiError, asArray, asObject, asString, Errors } from "./http.js";

/** Discord's message limits, answered like Discord: 400 50035 with an `errors` tree. */
const IS_COMPONENTS_V2 = 1 << 15;
type Path = (string | number)[];

class FormErrors {
  private readonly tree: Record<string, unknown> = {};
  private count = 0;

  add(path: Path, code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      const next = asObject(node[String(key)]) ?? {};
      node[String(key)] = next;
      node = next;
    }
    const list = asArray(node._errors) ?? [];
    list.push({ code, message });
    node._errors = list;
    this.count++;
  }

  max(path: Path, value: unknown, limit: number): void {
    const length = typeof value === "string" || Array.isArray(value) ? value.length : 0;
    if (length > limit)
      this.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${limit} or fewer in length.`);
  }

  required(path: Path, value: unknown): void {
    if (value === undefined || value === null || value === "") {
      this.add(path, "BASE_TYPE_REQUIRED", "This field is required");
    }
  }

  throwIfAny(): void {
    if (this.count > 0) throw new ApiError(400, 50035, "Invalid Form Body", this.tree);
  }
}

/** Validates a message create/edit body (channel messages, replies, webhooks). */
export function validateMessage(body: Record<string, unknown>): void {
  const errors = new FormErrors();
  errors.max(["content"], body.content, 2000);
  const flags = typeof body.flags === "number" ? body.flags : 0;
  if (flags & IS_COMPONENTS_V2) {
    for (const field of ["content", "embeds"]) {
      if (body[field]) {
        const message = "The 'content' and 'embeds' fields cannot be used with components v2";
        errors.add([field], "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", message);
      }
    }
  }
  validateEmbeds(errors, asArray(body.embeds) ?? []);
  validateComponents(errors, asArray(body.components) ?? [], (flags & IS_COMPONENTS_V2) !== 0);
  const nonce = body.nonce;
  if (nonce !== undefined && nonce !== null) {
    if (typeof nonce === "number" && !Number.isInteger(nonce)) {
      errors.add(["nonce"], "NUMBER_TYPE_COERCE", `Value "${nonce}" is not int.`);
    } else if (typeof nonce !== "number" && typeof nonce !== "string") {
      errors.add(["nonce"], "BASE_TYPE_BAD_TYPE", "Must be an integer or a string.");
    } else {
      errors.max(["nonce"], nonce, 25);
    }
  }
  errors.throwIfAny();
}

/** Throws 50006 when the message would have nothing to show. */
export function assertNotEmpty(body: Record<string, unknown>, fileCount: number): void {
  const content = asString(body.content)?.trim() ?? "";
  const filled = (key: string) => (asArray(body[key])?.length ?? 0) > 0;
  const hasPoll = asObject(body.poll) !== undefined;
  const hasAttachments = fileCount > 0 || filled("attachments");
  if (!content && !filled("embeds") && !filled("components") && !filled("sticker_ids")) {
    if (!hasAttachments && !hasPoll) throw Errors.emptyMessage();
  }
}

function validateEmbeds(errors: FormErrors, embeds: unknown[]): void {
  errors.max(["embeds"], embeds, 10);
  let total = 0;
  embeds.forEach((raw, i) => {
    const embed = asObject(raw) ?? {};
    const text = (value: unknown, path: Path, limit: number) => {
      const s = asString(value) ?? "";
      errors.max(["embeds", i, ...path], s, limit);
      total += s.length;
    };
    text(embed.title, ["title"], 256);
    text(embed.description, ["description"], 4096);
    text(asObject(embed.footer)?.text, ["footer", "text"], 2048);
    text(asObject(embed.author)?.name, ["author", "name"], 256);
    const fields = asArray(embed.fields) ?? [];
    errors.max(["embeds", i, "fields"], fields, 25);
    fields.forEach((rawField, j) => {
      const field = asObject(rawField) ?? {};
      errors.required(["embeds", i, "fields", j, "name"], field.name);
      errors.required(["embeds", i, "fields", j, "value"], field.value);
      text(field.name, ["fields", j, "name"], 256);
      text(field.value, ["fields", j, "value"], 1024);
    });
  });
  if (total > 6000) {
    errors.add(["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
  }
}

function validateComponents(errors: FormErrors, rows: unknown[], v2: boolean): void {
  const seen = new Set<string>();
  let count = 0;
  const visit = (raw: unknown, path: Path, depth: number) => {
    const component = asObject(raw) ?? {};
    count++;
    const type = component.type;
    if (!v2 && depth === 0 && type !== 1) {
      errors.add([...path, "type"], "UNION_TYPE_CHOICES", 'Value of field "type" must be 1.');
    }
    const customId = asString(component.custom_id);
    const needsCustomId =
      (type === 2 && component.style !== 5 && component.style !== 6) ||
      [3, 4, 5, 6, 7, 8].includes(Number(type));
    if (needsCustomId) errors.required([...path, "custom_id"], customId);
    if (customId !== undefined) {
      errors.max([...path, "custom_id"], customId, 100);
      if (seen.has(customId)) {
        errors.add([...path, "custom_id"], "COMPONENT_CUSTOM_ID_DUPLICATED", "Duplicate custom_id");
      }
      seen.add(customId);
    }
    if (type === 2) {
      errors.max([...path, "label"], component.label, 80);
      if (component.style === 5) errors.required([...path, "url"], component.url);
    }
    if (type === 3) {
      const options = asArray(component.options) ?? [];
      errors.required([...path, "options"], options.length > 0 ? options : undefined);
      errors.max([...path, "options"], options, 25);
    }
    const children = asArray(component.components) ?? [];
    if (type === 1) errors.max([...path, "components"], children, 5);
    children.forEach((child, i) => {
      visit(child, [...path, "components", i], depth + 1);
    });
    const accessory = component.accessory ?? component.component;
    if (accessory !== undefined) visit(accessory, [...path, "accessory"], depth + 1);
  };
  if (!v2) errors.max(["components"], rows, 5);
  rows.forEach((row, i) => {
    visit(row, ["components", i], 0);
  });
  if (v2 && count > 40) {
    errors.add(["components"], "BASE_TYPE_MAX_LENGTH", "Must be 40 or fewer in length.");
  }
}

/** Validates a modal (callback type 9). */
export function validateModal(data: Record<string, unknown>): void {
  const errors = new FormErrors();
  errors.required(["data", "custom_id"], data.custom_id);
  errors.max(["data", "custom_id"], data.custom_id, 100);
  errors.required(["data", "title"], data.title);
  errors.max(["data", "title"], data.title, 45);
  const rows = asArray(data.components) ?? [];
  errors.required(["data", "components"], rows.length > 0 ? rows : undefined);
  errors.max(["data", "components"], rows, 5);
  errors.throwIfAny();
}

/** Validates autocomplete choices (callback type 8). */
export function validateChoices(data: Record<string, unknown>): void {
  const errors = new FormErrors();
  const choices = asArray(data.choices) ?? [];
  errors.max(["data", "choices"], choices, 25);
  choices.forEach((raw, i) => {
    const choice = asObject(raw) ?? {};
    errors.required(["data", "choices", i, "name"], choice.name);
    errors.max(["data", "choices", i, "name"], choice.name, 100);
    errors.max(["data", "choices", i, "value"], choice.value, 100);
  });
  errors.throwIfAny();
}
