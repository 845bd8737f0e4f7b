/**
 * Why a store write failed, in the few kinds an admin can act on. SQLite
 * names them in its error codes; other databases' errors are "other".
 */
export type StoreFaultKind = "full" | "readonly" | "cantopen" | "ioerr" | "locked" | "other";

/**
 * A write the database refused. Thrown by every store write, so callers can
 * tell "the bot cannot save right now" from a bug (src/discord/userMessages.ts
 * maps it to the member's text; the store-health tracker has already logged it).
 */
export class StoreWriteError extends Error {
  override readonly name = "StoreWriteError";
  constructor(
    readonly kind: StoreFaultKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const byCode: Record<string, StoreFaultKind> = {
  SQLITE_FULL: "full",
  SQLITE_READONLY: "readonly",
  SQLITE_CANTOPEN: "cantopen",
  SQLITE_IOERR: "ioerr",
  SQLITE_BUSY: "locked",
  SQLITE_LOCKED: "locked",
  ENOSPC: "full",
  EROFS: "readonly",
};

/** The fault kind of a driver error (`code`, else the code at the start of its message). */
export function faultKindOf(err: unknown): StoreFaultKind {
  if (err instanceof StoreWriteError) return err.kind;
  const code = typeof err === "object" && err !== null && "code" in err ? String(err.code) : "";
  const direct = byCode[code];
  if (direct) return direct;
  const message = err instanceof Error ? err.message : String(err);
  const fromMessage = /^(SQLITE_[A-Z]+)/.exec(message)?.[1];
  return (fromMessage && byCode[fromMessage]) || "other";
}

/** True for a StoreWriteError anywhere in the cause chain (callers may wrap it). */
export function isStoreWriteError(err: unknown): err is StoreWriteError {
  return findStoreWriteError(err) !== undefined;
}

export function findStoreWriteError(err: unknown): StoreWriteError | undefined {
  for (let e: unknown = err, depth = 0; e !== undefined && depth < 5; depth++) {
    if (e instanceof StoreWriteError) return e;
    e = e instanceof Error ? e.cause : undefined;
  }
  return undefined;
}

/** What the fault means for the admin: logged when it starts (English, like every log line). */
export function faultMeaning(kind: StoreFaultKind, database: string): string {
  const held = "new posts are held until it can write again; nothing is lost";
  switch (kind) {
    case "full":
      return `the disk holding ${database} is full: new posts are held until there is space; nothing is lost`;
    case "readonly":
      return `${database} is read-only (the file or its file system): ${held}`;
    case "cantopen":
      return `cannot open or create files in the folder of ${database} (read-only folder, or wrong owner?): ${held}`;
    case "ioerr":
      return `the disk holding ${database} reports I/O errors: ${held}`;
    case "locked":
      return `another program holds the write lock on ${database} (a backup tool?): ${held}`;
    case "other":
      return `the database (${database}) refuses writes: ${held}`;
  }
}
