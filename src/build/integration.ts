// Astro integration: after Astro has rendered the pages, writes what is cheaper to write
// directly: the /m/<msgid>/ redirect page of every message and ghost, and the sharded search
// index (src/build/search-index.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ghostIndex, messageIndex } from '../lib/site-data-fs.ts';
import { anchorHref, messageDir, messageHref, threadPath } from '../lib/paths.ts';
import { ghostAnchor } from '../lib/thread-view.ts';
import { redirectPage } from './redirect-page.ts';
import { searchDocs } from '../lib/search-data-fs.ts';
import { buildSearchIndex } from './search-index.ts';

function writePage(out: string, dir: string, html: string): void {
  const d = join(out, dir);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'index.html'), html);
}

export function patchloreSite(): AstroIntegration {
  return {
    name: 'patchlore-site',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        let pages = 0;
        const written = new Set<string>();
        for (const m of messageIndex()) {
          const href = messageHref(m.threadId, m.key);
          writePage(out, messageDir(m.key), redirectPage(href, m.subject || m.key));
          written.add(m.key);
          pages++;
        }
        for (const g of ghostIndex()) {
          if (written.has(g.id)) continue;
          const href = `${threadPath(g.threadId)}${anchorHref(ghostAnchor(g.id))}`;
          writePage(out, messageDir(g.id), redirectPage(href, `where <${g.id}> would be (not in this archive)`));
          pages++;
        }
        const t0 = performance.now();
        const dirs = new Set<string>();
        const search = buildSearchIndex(searchDocs(), (path, content) => {
          const d = dirname(join(out, path));
          if (!dirs.has(d)) mkdirSync(d, { recursive: true });
          dirs.add(d);
          writeFileSync(join(out, path), content);
        });
        logger.info(
          `${pages} message pages; search index of ${search.docs} messages: ${search.files} files, ${(search.bytes / 1024 / 1024).toFixed(1)} MB, ` +
            `${Math.round(performance.now() - t0)} ms`,
        );
      },
    },
  };
}
