import type { Plugin } from 'esbuild';
export declare const INK_PATCHES: { file: string; edits: [string, string][] }[];
export declare function patchSource(file: string, source: string): string;
export declare function inkPatches(): Plugin;
