import type { Report } from "../types.js";

export const json = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;
