// Sync benchmark against a local public-inbox (Debian's public-inbox-httpd) serving the whole
// nvdimm corpus epoch: the time and peak memory of a full sync, of a no-op sync, and of a sync
// after commits were appended to the served epoch, and the requests each made (counted by
// patchlore and, git's smart-HTTP requests included, at a proxy in front of the server).
//   npx tsx scripts/bench-sync.ts [--append N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startFaultProxy } from '../test/sync/fault-proxy.ts';
import { BUNDLE, createInbox, indexInbox, missing, startHttpd } from '../test/sync/public-inbox-fs.ts';
import { measureNode, type Measured } from './bench/measure-fs.ts';

const { values } = parseArgs({ options: { append: { type: 'string', default: '500' } } });
const append = Number(values.append);
if (missing) {
  console.error(`bench-sync: ${missing}`);
  process.exit(1);
}

interface SyncRun {
  read: number;
  stored: number;
  duplicates: number;
  unparsed: number;
  requests: number;
  gitOperations: number;
  gitBytes: number;
  problems: number;
  ms: number;
}

const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'patchlore-bench-sync-'));
const git = (...args: string[]) => execFileSync('git', args, { maxBuffer: 1 << 28 }).toString('utf8');
try {
  // The server: the corpus epoch in a v2 inbox, at first without its last `append` commits.
  const inbox = createInbox(join(dir, 'pi'), 'nvdimm', 'basic');
  git('--git-dir', inbox.epoch(0), 'fetch', '-q', BUNDLE, '+refs/heads/master:refs/heads/master');
  const commits = git('--git-dir', inbox.epoch(0), 'rev-list', '--reverse', 'master').trim().split('\n');
  git('--git-dir', inbox.epoch(0), 'update-ref', 'refs/heads/master', commits[commits.length - 1 - append]!);
  let t = performance.now();
  indexInbox(inbox);
  console.log(`server: public-inbox-index -L basic of ${commits.length - append} commits took ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const httpd = await startHttpd(inbox.config);
  const proxy = await startFaultProxy(httpd.url);
  const run = async (label: string, db: string, cache: string): Promise<Measured<SyncRun>> => {
    const before = proxy.records.length;
    const m = await measureNode<SyncRun>([join(import.meta.dirname, 'bench/sync-child.ts'), join(dir, db), join(dir, cache), proxy.url, 'nvdimm']);
    const atServer = proxy.records.length - before;
    const r = m.result;
    console.log(
      `${label.padEnd(34)} ${(m.wallMs / 1000).toFixed(2).padStart(6)} s wall (sync ${(r.ms / 1000).toFixed(2)} s)  peak RSS ${(m.peakRssBytes / MB).toFixed(0).padStart(4)} MB  ` +
        `read ${r.read} (stored ${r.stored}, duplicates ${r.duplicates}, unparsed ${r.unparsed})  ` +
        `requests: ${r.requests} HTTP + ${r.gitOperations} git operation(s) by patchlore, ${atServer} HTTP requests at the server; git received ${(r.gitBytes / MB).toFixed(1)} MB` +
        (r.problems ? `  PROBLEMS: ${r.problems}` : ''),
    );
    return m;
  };
  try {
    await run(`sync of ${commits.length - append} commits`, 'a.sqlite', 'a-cache');
    git('--git-dir', inbox.epoch(0), 'update-ref', 'refs/heads/master', commits[commits.length - 1]!);
    t = performance.now();
    indexInbox(inbox);
    console.log(`server: ${append} commits appended and indexed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const a = await run(`sync after ${append} appended commits`, 'a.sqlite', 'a-cache');
    if (a.result.read !== append) console.log(`  MISMATCH: expected ${append} messages read`);
    await run('no-op sync', 'a.sqlite', 'a-cache');
    await run(`full sync of ${commits.length} commits`, 'b.sqlite', 'b-cache');
    await run('no-op sync', 'b.sqlite', 'b-cache');
  } finally {
    await proxy.close();
    await httpd.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
