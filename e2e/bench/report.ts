/**
 * The benchmark's output: `name: value` lines on stdout (what tools read), each goal on a `# goal` line after its
 * figure, and progress on stderr so stdout stays machine-readable.
 */

export type Comparison = '>=' | '<=';

function format(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

export function line(name: string, value: number, digits = 1): void {
  process.stdout.write(`${name}: ${format(value, digits)}\n`);
}

export function comment(text: string): void {
  process.stdout.write(`# ${text}\n`);
}

/** Prints the figure, then whether it meets its goal. Returns true when it does. */
export function withGoal(
  name: string,
  value: number,
  digits: number,
  comparison: Comparison,
  target: number,
): boolean {
  line(name, value, digits);
  const met = comparison === '>=' ? value >= target : value <= target;
  comment(`goal ${name} ${comparison} ${target}: ${met ? 'met' : 'MISSED'}`);
  return met;
}

export function progress(text: string): void {
  process.stderr.write(`[bench:ui] ${text}\n`);
}
