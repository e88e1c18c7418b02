/** A tiny PNG reader (8-bit RGB/RGBA, non-interlaced, as chromium writes them) for checking screenshots. */
import { inflateSync } from "node:zlib";

export interface PngStats {
  width: number;
  height: number;
  /** distinct colors */
  colors: number;
  /** share of pixels that are not near-white */
  inked: number;
}

export function pngStats(buf: Buffer): PngStats {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let pos = 8;
  let width = 0, height = 0, colorType = 0, depth = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8]!;
      colorType = data[9]!;
      if (data[12] !== 0) throw new Error("interlaced PNGs are not supported");
    } else if (type === "IDAT") idat.push(data);
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (depth !== 8 || !bpp) throw new Error(`unsupported PNG: depth ${depth}, color type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? px[y * stride + x - bpp]! : 0;
      const b = y > 0 ? px[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? px[(y - 1) * stride + x - bpp]! : 0;
      const p = a + b - c;
      const pred = [0, a, b, (a + b) >> 1, Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c][filter]!;
      px[y * stride + x] = (line[x]! + pred) & 0xff;
    }
  }
  const colors = new Set<number>();
  let inked = 0;
  for (let i = 0; i < px.length; i += bpp) {
    const r = px[i]!, g = px[i + 1]!, b = px[i + 2]!;
    colors.add((r << 16) | (g << 8) | b);
    if (r < 230 || g < 230 || b < 230) inked++;
  }
  return { width, height, colors: colors.size, inked: inked / (width * height) };
}
