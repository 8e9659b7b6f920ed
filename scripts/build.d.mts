import type { BuildOptions, Plugin } from 'esbuild';
export declare function deadWeight(): Plugin;
export declare const buildOptions: BuildOptions;
