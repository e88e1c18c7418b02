/**
 * redis://[user:password@]HOST:PORT[/DB] for BullMQ, and a fast reachability
 * check: one PING over a plain socket with a short timeout, so an unreachable
 * queue fails in a second instead of ioredis retrying forever.
 */
import { connect } from "node:net";
import { errors } from "../errors.js";

export interface RedisTarget {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
}

export function parseRedisUrl(url: string): RedisTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw errors.badArgs(`--queue takes redis://HOST:PORT, not "${url}"`);
  }
  if (u.protocol !== "redis:") throw errors.badArgs(`--queue takes redis://HOST:PORT, not "${url}"`);
  return {
    host: u.hostname || "127.0.0.1",
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    db: Number(u.pathname.slice(1) || 0),
  };
}

/** ioredis options for BullMQ: workers need maxRetriesPerRequest null. */
export const bullConnection = (t: RedisTarget) => ({ ...t, maxRetriesPerRequest: null, connectTimeout: 3000 });

export async function probeRedis(url: string, timeoutMs = 2000): Promise<RedisTarget> {
  const t = parseRedisUrl(url);
  const auth = t.password ? respCommand(t.username ? ["AUTH", t.username, t.password] : ["AUTH", t.password]) : "";
  const reply = await new Promise<string>((resolve, reject) => {
    const sock = connect({ host: t.host, port: t.port });
    let buf = "";
    const fail = (why: string) => {
      sock.destroy();
      reject(errors.queueUnreachable(url, why));
    };
    sock.setTimeout(timeoutMs, () => fail(`no answer in ${timeoutMs} ms`));
    sock.on("error", (e: NodeJS.ErrnoException) => fail(e.code ?? e.message));
    sock.on("connect", () => sock.write(auth + respCommand(["PING"])));
    sock.on("data", (d) => {
      buf += d.toString("latin1");
      const lines = buf.split("\r\n").filter(Boolean);
      if (lines.some((l) => l.startsWith("-"))) return fail(`redis said ${lines.find((l) => l.startsWith("-"))!.slice(1)}`);
      if (lines.includes("+PONG")) {
        sock.end();
        resolve("PONG");
      }
    });
  });
  if (reply !== "PONG") throw errors.queueUnreachable(url, "no PONG");
  return t;
}

const respCommand = (parts: string[]) => `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join("")}`;
