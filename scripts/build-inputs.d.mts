// Types of scripts/build-inputs.mjs (plain JavaScript so that `npm start` needs no TypeScript runner).
type Part = 'web' | 'server';
export const root: string;
export const dist: string;
export const cache: string;
export const serverDir: string;
export const template: string;
export const stampFile: string;
export const PARTS: Record<Part, { inputs: string[]; outputs: string[] }>;
export function inputHash(part: Part): string;
export function readStamp(): Partial<Record<Part, string>>;
export function currentHashes(): Record<Part, string>;
export function staleParts(hashes?: Record<Part, string>): Part[];
