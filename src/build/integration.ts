// Astro integration: after Astro has rendered the pages, writes what is cheaper to write
// directly: the /m/<msgid>/ redirect page of every message and ghost, and the sharded search
// index (src/build/search-index.ts), which a worker builds while Astro renders the pages.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ghostIndex, messageIndex } from '../lib/site-data-fs.ts';
import { anchorHref, messageDir, messageHref, threadPath } from '../lib/paths.ts';
import { ghostAnchor } from '../lib/thread-view.ts';
import { INTEGRATION_STEP } from './build-steps.ts';
import { redirectPage } from './redirect-page.ts';
import { startSearchIndexFs, type PendingIndex } from './search-index-fs.ts';

function writePage(out: string, dir: string, html: string): void {
  const d = join(out, dir);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'index.html'), html);
}

export function patchloreSite(): AstroIntegration {
  let outDir = '';
  let search: PendingIndex | null = null;
  return {
    name: 'patchlore-site',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        const db = process.env.PATCHLORE_DB;
        if (!db) throw new Error('PATCHLORE_DB is not set: build the site with `patchlore build`');
        search = startSearchIndexFs(db, outDir.replace(/\/$/, ''));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        logger.info(`${INTEGRATION_STEP} writing message pages`);
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
        if (!search) throw new Error('BUG: the search index was not started');
        logger.info(`${INTEGRATION_STEP} finishing the search index`);
        const index = await search.place();
        logger.info(
          `${pages} message pages; search index of ${index.docs} messages: ${index.files} files, ${(index.bytes / 1024 / 1024).toFixed(1)} MB, ` +
            `built in ${index.ms} ms beside the pages`,
        );
      },
    },
  };
}
