import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import type { FakeConfig } from "./core.js";
import { asObject, asString } from "./http.js";
import { apiGuildCreate, apiMember, apiUser } from "./serialize.js";
import type { FakeState } from "./state.js";

interface Session {
  id: string;
  ws: WebSocket | null;
  seq: number;
  intents: bigint;
  /** [shard id, shard count] from IDENTIFY. */
  shard: [number, number];
  /** Sent dispatches, replayed on RESUME. */
  sent: { s: number; t: string; d: unknown }[];
}

const REPLAY_LIMIT = 1000;

/** The gateway: HELLO, IDENTIFY/READY/GUILD_CREATE, heartbeats, RESUME, dispatches. */
export class FakeGateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  /** Identify payloads received (token redacted), for tests of the client's handshake. */
  readonly identifies: Record<string, unknown>[] = [];

  constructor(
    private readonly config: FakeConfig,
    private readonly state: FakeState,
    private readonly url: () => string,
  ) {
    this.wss.on("connection", (ws) => this.onConnection(ws));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (path !== "/gateway" && path !== "/gateway/") {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit("connection", ws, req));
  }

  /** Whether a session has identified (and not been dropped for good). */
  get hasSession(): boolean {
    return this.sessions.size > 0;
  }

  get connectedSessions(): number {
    return [...this.sessions.values()].filter((s) => s.ws !== null).length;
  }

  dispatch(t: string, d: unknown, intent = 0n): void {
    const guildId = guildOf(t, d);
    for (const session of this.sessions.values()) {
      if (intent !== 0n && (session.intents & intent) === 0n) continue;
      if (!servesGuild(session.shard, guildId)) continue;
      this.send(session, t, d);
    }
  }

  /** Closes every connection with `code`; sessions stay resumable (as after a network drop). */
  disconnect(code = 4000): void {
    for (const session of this.sessions.values()) {
      session.ws?.close(code, "fake discord: disconnect");
      session.ws = null;
    }
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    let session: Session | null = null;
    ws.on("close", (code) => {
      if (session?.ws !== ws) return;
      session.ws = null;
      // A normal close ends the session on Discord; anything else may be resumed.
      if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    });
    ws.on("message", (raw: RawData) => {
      const payload = parse(raw);
      if (!payload) {
        ws.close(4002, "Error while decoding payload.");
        return;
      }
      const d = asObject(payload.d) ?? {};
      switch (payload.op) {
        case 1:
          ws.send(JSON.stringify({ op: 11, d: null }));
          break;
        case 2:
          if (session) ws.close(4005, "Already authenticated.");
          else session = this.identify(ws, d);
          break;
        case 6:
          session = this.resume(ws, d);
          break;
        case 8:
          this.requestMembers(ws, session, d);
          break;
      }
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.config.heartbeatIntervalMs } }));
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): Session | null {
    this.identifies.push({ ...d, token: "[redacted]" });
    if (asString(d.token)?.replace(/^Bot\s+/i, "") !== this.config.botToken) {
      ws.close(4004, "Authentication failed.");
      return null;
    }
    const id = randomBytes(16).toString("hex");
    const intents = BigInt(typeof d.intents === "number" ? d.intents : 0);
    const shard = shardOf(d.shard);
    const session: Session = { id, ws, seq: 0, intents, shard, sent: [] };
    this.sessions.set(id, session);
    const guilds = [...this.state.guilds.keys()].filter((g) => servesGuild(shard, g));
    this.send(session, "READY", {
      v: 10,
      user: {
        ...apiUser(this.state, this.config.botUserId),
        bot: true,
        verified: true,
        mfa_enabled: false,
        flags: 0,
      },
      guilds: guilds.map((guildId) => ({ id: guildId, unavailable: true })),
      session_id: id,
      session_type: "normal",
      resume_gateway_url: this.url(),
      shard,
      application: { id: this.config.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      auth: {},
    });
    for (const guildId of guilds)
      this.send(session, "GUILD_CREATE", apiGuildCreate(this.state, guildId));
    return session;
  }

  private resume(ws: WebSocket, d: Record<string, unknown>): Session | null {
    const session = this.sessions.get(asString(d.session_id) ?? "");
    const tokenOk = asString(d.token)?.replace(/^Bot\s+/i, "") === this.config.botToken;
    if (!tokenOk) {
      ws.close(4004, "Authentication failed.");
      return null;
    }
    if (!session) {
      ws.send(JSON.stringify({ op: 9, d: false }));
      return null;
    }
    session.ws = ws;
    const from = typeof d.seq === "number" ? d.seq : 0;
    for (const event of session.sent.filter((e) => e.s > from)) {
      ws.send(JSON.stringify({ op: 0, ...event }));
    }
    this.send(session, "RESUMED", null);
    return session;
  }

  private requestMembers(ws: WebSocket, session: Session | null, d: Record<string, unknown>): void {
    if (!session) {
      ws.close(4003, "Not authenticated.");
      return;
    }
    const guildId = asString(d.guild_id) ?? "";
    const wanted = Array.isArray(d.user_ids) ? d.user_ids.map(String) : null;
    const query = asString(d.query) ?? "";
    const members = this.state
      .guildMembers(guildId)
      .filter((m) => (wanted ? wanted.includes(m.userId) : true))
      .filter((m) => this.state.user(m.userId).username.startsWith(query));
    this.send(session, "GUILD_MEMBERS_CHUNK", {
      guild_id: guildId,
      members: members.map((m) => apiMember(this.state, m)),
      chunk_index: 0,
      chunk_count: 1,
      ...(wanted
        ? { not_found: wanted.filter((id) => !members.some((m) => m.userId === id)) }
        : {}),
      ...(d.nonce === undefined ? {} : { nonce: d.nonce }),
    });
  }

  private send(session: Session, t: string, d: unknown): void {
    session.seq++;
    const event = { s: session.seq, t, d };
    session.sent.push(event);
    if (session.sent.length > REPLAY_LIMIT) session.sent.shift();
    session.ws?.send(JSON.stringify({ op: 0, ...event }));
  }
}

function parse(raw: RawData): Record<string, unknown> | undefined {
  try {
    return asObject(JSON.parse(raw.toString()));
  } catch {
    return undefined;
  }
}

function shardOf(value: unknown): [number, number] {
  if (Array.isArray(value) && value.length === 2 && value.every(Number.isInteger)) {
    return [value[0] as number, value[1] as number];
  }
  return [0, 1];
}

/** The guild an event belongs to (undefined: DMs and the like, shard 0's). */
function guildOf(t: string, d: unknown): string | undefined {
  const data = asObject(d);
  if (!data) return undefined;
  const id = t.startsWith("GUILD_") && !("guild_id" in data) ? data.id : data.guild_id;
  return typeof id === "string" ? id : undefined;
}

/** Discord's rule: shard_id = (guild_id >> 22) % num_shards. */
function servesGuild([id, count]: [number, number], guildId: string | undefined): boolean {
  if (count <= 1) return true;
  if (guildId === undefined) return id === 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(count)) === id;
}
