export function generatePlan(opts: { issues: number; seed?: number; start?: string }): string;
