// Publishes the bundle's client files (the compiled scripts and styles under _assets/, and
// public/) into the site: copies each file whose bytes differ and removes the files an earlier
// build published that the bundle no longer has.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface AssetsCopied {
  /** Every published file, relative to the site ('/' separated). */
  files: string[];
  written: number;
  removed: number;
}

function listFilesFs(root: string): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length) {
    const d = stack.pop()!;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else out.push(relative(root, p).split('\\').join('/'));
    }
  }
  return out.sort();
}

/** Copy `client` into `out`; `before` lists what the last build published. */
export function copyAssetsFs(client: string, out: string, before: readonly string[]): AssetsCopied {
  const files = existsSync(client) ? listFilesFs(client) : [];
  let written = 0;
  for (const f of files) {
    const bytes = readFileSync(join(client, f));
    const target = join(out, f);
    if (existsSync(target) && readFileSync(target).equals(bytes)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    written++;
  }
  const now = new Set(files);
  let removed = 0;
  for (const f of before) {
    if (now.has(f)) continue;
    rmSync(join(out, f), { force: true });
    removed++;
  }
  return { files, written, removed };
}
