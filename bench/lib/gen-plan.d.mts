export function rng(seed: number): () => number;
export function generatePlan(opts: { issues: number; seed?: number; start?: string }): string;
