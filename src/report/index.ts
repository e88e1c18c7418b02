/** Reporters: each a pure function of the report. */
import { html } from "./formats/html.js";
import { json } from "./formats/json.js";
import { md } from "./formats/md.js";
import { text } from "./formats/text.js";
import type { Report } from "./types.js";

export type Format = "json" | "md" | "html" | "text";

export const reporters: Record<Format, (r: Report) => string> = { json, md, html, text };

export { writeReports, writeFileAtomic } from "./write.js";
export type { Report } from "./types.js";
