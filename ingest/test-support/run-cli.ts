// Test helper: runs the patchlore CLI in this process with its output captured.
import { main } from '../cli/main.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): any;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err, json: () => JSON.parse(out) };
}
