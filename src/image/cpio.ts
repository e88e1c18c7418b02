/**
 * A newc ("070701") cpio archive: the initrd the kernel unpacks into its root
 * ramfs. Each header is 110 ASCII bytes (magic + 13 eight-digit hex fields),
 * then the NUL-terminated name, padded to 4 bytes, then the data, padded to 4.
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";

export interface CpioEntry {
  /** path inside the archive, without a leading slash */
  name: string;
  mode: number; // type bits included: 0o100644, 0o40755, 0o120777
  data?: Buffer;
  mtime?: number;
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
const pad4 = (n: number) => Buffer.alloc((4 - (n % 4)) % 4);

function header(e: CpioEntry, ino: number, size: number, nameLen: number): string {
  const nlink = (e.mode & 0o170000) === 0o040000 ? 2 : 1;
  return ["070701", hex8(ino), hex8(e.mode), hex8(0), hex8(0), hex8(nlink), hex8(e.mtime ?? 0), hex8(size), hex8(0), hex8(0), hex8(0), hex8(0), hex8(nameLen), hex8(0)].join("");
}

export function writeCpio(entries: CpioEntry[]): Buffer {
  const parts: Buffer[] = [];
  let ino = 1;
  const add = (e: CpioEntry, i: number) => {
    const name = Buffer.from(`${e.name}\0`);
    const data = e.data ?? Buffer.alloc(0);
    const h = Buffer.from(header(e, i, data.length, name.length), "latin1");
    parts.push(h, name, pad4(h.length + name.length), data, pad4(data.length));
  };
  for (const e of entries) add(e, ino++);
  add({ name: "TRAILER!!!", mode: 0 }, 0);
  return Buffer.concat(parts);
}

/** A host folder's contents as entries under `prefix` (files, folders, symlinks), parents first. */
export function entriesOf(dir: string, prefix = ""): CpioEntry[] {
  const out: CpioEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    const host = join(dir, name);
    const guest = prefix ? `${prefix}/${name}` : name;
    const st = lstatSync(host);
    if (st.isDirectory()) {
      out.push({ name: guest, mode: 0o040000 | (st.mode & 0o7777) });
      out.push(...entriesOf(host, guest));
    } else if (st.isSymbolicLink()) {
      out.push({ name: guest, mode: 0o120777, data: Buffer.from(readlinkSync(host)) });
    } else if (st.isFile()) {
      out.push({ name: guest, mode: 0o100000 | (st.mode & 0o7777), data: readFileSync(host) });
    }
  }
  return out;
}

/** Folder entries for every parent of `path` not already present. */
export function parentsOf(path: string, have: Set<string>): CpioEntry[] {
  const parts = path.split("/").slice(0, -1);
  const out: CpioEntry[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const p = parts.slice(0, i).join("/");
    if (p && !have.has(p)) {
      have.add(p);
      out.push({ name: p, mode: 0o040755 });
    }
  }
  return out;
}
