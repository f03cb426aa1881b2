/** Bench output: one aligned line per figure, so runs can be compared by eye or by grep. */
export function figure(name: string, value: number, unit: string, note = ''): void {
  const shown = value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
  console.log(`${name.padEnd(48)} ${shown.padStart(14)} ${unit}${note ? `  (${note})` : ''}`);
}

export function heading(text: string): void {
  console.log(`\n## ${text}`);
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

export const mib = (bytes: number) => bytes / 2 ** 20;
