/** One measured number, printed by `npm run bench` (bench/run.ts). */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}
