// Astro integration: after Astro has rendered the pages, writes what is cheaper to write
// directly: the /m/<msgid>/ redirect page of every message and ghost, and the search index.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ghostIndex, messageIndex } from '../lib/site-data-fs.ts';
import { anchorHref, messageDir, messageHref, threadPath } from '../lib/paths.ts';
import { ghostAnchor } from '../lib/thread-view.ts';
import { redirectPage } from './redirect-page.ts';
import { buildSearchIndex, type SearchRow } from './search-index.ts';

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
        const rows: SearchRow[] = [];
        const written = new Set<string>();
        for (const m of messageIndex()) {
          const href = messageHref(m.threadId, m.key);
          rows.push({ href, messageId: m.messageId, subject: m.subject, author: m.author, date: m.date });
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
        const search = buildSearchIndex(rows);
        mkdirSync(join(out, 'search'), { recursive: true });
        writeFileSync(join(out, 'search', 'index.json'), search.index);
        writeFileSync(join(out, 'search', 'docs.json'), search.docs);
        logger.info(`${pages} message pages, search index ${search.index.length + search.docs.length} bytes`);
      },
    },
  };
}
