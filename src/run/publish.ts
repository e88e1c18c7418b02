/**
 * `--publish` values: `HOSTPORT:PORT` (TCP, as ever), `tcp:HOSTPORT:PORT` or
 * `udp:HOSTPORT:PORT`, each a forward from the host's 127.0.0.1:HOSTPORT to
 * the app's PORT. A bad one is a one-line usage error.
 */
import { errors } from "../errors.js";

export type PublishProto = "tcp" | "udp";
export interface Publish {
  proto: PublishProto;
  host: number;
  guest: number;
}

const USAGE = "--publish takes HOSTPORT:GUESTPORT (TCP) or udp:HOSTPORT:GUESTPORT";

export function parsePublish(s: string): Publish {
  const parts = s.split(":");
  let proto: PublishProto = "tcp";
  if (parts.length === 3) {
    const p = parts.shift()!;
    if (p !== "tcp" && p !== "udp") throw errors.badArgs(`${USAGE}: "${p}" in "${s}" is not tcp or udp`);
    proto = p;
  }
  const port = (p: string | undefined) => p !== undefined && /^\d+$/.test(p) && Number(p) >= 1 && Number(p) <= 65535;
  if (parts.length !== 2 || !port(parts[0]) || !port(parts[1])) throw errors.badArgs(`${USAGE}, ports 1-65535, not "${s}"`);
  return { proto, host: Number(parts[0]), guest: Number(parts[1]) };
}
