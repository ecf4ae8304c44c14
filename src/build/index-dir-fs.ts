// The search index's files in a site directory on disk (an IndexDir of search-update.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IndexDir } from './search-update.ts';

export function indexDirFs(out: string): IndexDir {
  return {
    read(path) {
      const f = join(out, path);
      return existsSync(f) ? readFileSync(f, 'utf8') : null;
    },
    write(path, content) {
      const f = join(out, path);
      mkdirSync(dirname(f), { recursive: true });
      writeFileSync(f, content);
    },
    removeSegment(id) {
      const dir = join(out, 'search', id);
      let files = 0;
      for (const family of existsSync(dir) ? readdirSync(dir) : []) files += readdirSync(join(dir, family)).length;
      rmSync(dir, { recursive: true, force: true });
      return files;
    },
    clear() {
      const dir = join(out, 'search');
      let removed = 0;
      for (const e of existsSync(dir) ? readdirSync(dir) : []) {
        if (e === 'index.html') continue;
        rmSync(join(dir, e), { recursive: true, force: true });
        removed++;
      }
      return removed;
    },
  };
}
