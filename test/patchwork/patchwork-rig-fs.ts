// A real Patchwork for the tests: the rig in ../shared/tools/patchwork (upstream Patchwork 3.2.1
// on Debian's Django, sqlite), started with --wish1 (the wish1 threads of the nvdimm corpus and
// the maintainer decisions of rig/wish1-triage.json) on a free port of 127.0.0.1. Tests skip,
// saying why, when the rig, its Debian packages or the corpus is missing; every rig started is
// stopped by stop() (call it in afterAll).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CORPUS } from '../sync/public-inbox-fs.ts';
import { PATCHWORK_TOOL } from '../../ingest/test-support/patchwork-tool.ts';

export { PATCHWORK_TOOL };

/** The Debian packages the rig's start script needs (its README, "Versions"). */
export const RIG_PACKAGES = ['python3-django', 'python3-djangorestframework', 'python3-django-filters', 'python3-dateutil', 'python3-sqlparse'];

function installed(pkg: string): boolean {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().includes('ok installed');
  } catch {
    return false;
  }
}

/** Why the rig cannot run here, or null. */
export const missingRig: string | null = (() => {
  if (!existsSync(join(PATCHWORK_TOOL, 'start'))) return `no Patchwork rig at ${PATCHWORK_TOOL} (set PATCHLORE_PATCHWORK_TOOL)`;
  if (!existsSync('/usr/bin/python3')) return 'no /usr/bin/python3 (Debian\'s python3 runs the rig)';
  const lacking = RIG_PACKAGES.filter((p) => !installed(p));
  if (lacking.length) return `Debian packages missing: ${lacking.join(' ')} (sh scripts/install-test-deps.sh installs them)`;
  if (!existsSync(join(CORPUS, 'nvdimm/threads/wish1'))) return `no corpus at ${CORPUS} (set PATCHLORE_CORPUS)`;
  return null;
})();

/** A running rig. */
export interface Rig {
  /** http://127.0.0.1:PORT */
  url: string;
  /** API token of the user "maintainer" (superuser, maintainer of nvdimm). */
  token: string;
  /** Its data directory (sqlite, logs). */
  data: string;
  /** Stop it, load more mail into its database (as Patchwork receives list mail) and start it
   *  again on the same port. */
  restartWith(mboxes: string[]): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => res(port));
    });
  });
}

function run(cmd: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((res) => {
    const child = spawn(cmd, args, { env: { ...process.env, PATCHLORE_CORPUS: CORPUS }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => res({ code: code ?? 1, out, err }));
  });
}

/** Start the rig with wish1 loaded and triaged, in `data` (a fresh directory). */
export async function startRig(data: string): Promise<Rig> {
  let last = '';
  for (let tries = 0; tries < 3; tries++) {
    const port = await freePort();
    const r = await run(join(PATCHWORK_TOOL, 'start'), ['--fresh', '--no-install', '--wish1', String(port), data]);
    const env = Object.fromEntries(r.out.split('\n').flatMap((l) => (/^PW_\w+=/.test(l) ? [[l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]] : [])));
    if (r.code === 0 && env.PW_BASE_URL && env.PW_TOKEN) {
      const stop = async () => {
        await run(join(PATCHWORK_TOOL, 'stop'), [data]);
      };
      return {
        url: env.PW_BASE_URL,
        token: env.PW_TOKEN,
        data,
        stop,
        restartWith: async (mboxes) => {
          await stop();
          const again = await run(join(PATCHWORK_TOOL, 'start'), ['--no-install', '--token', env.PW_TOKEN!, String(port), data, ...mboxes]);
          if (again.code !== 0) throw new Error(`the Patchwork rig did not restart:\n${again.err.split('\n').slice(-15).join('\n')}`);
        },
      };
    }
    last = r.err.split('\n').slice(-15).join('\n');
    // Another process took the port between freePort and the server's bind: try another.
    if (!/did not come up/.test(r.err)) break;
    await run(join(PATCHWORK_TOOL, 'stop'), [data]);
  }
  throw new Error(`the Patchwork rig did not start:\n${last}`);
}

/** A maintainer's change through the REST API (PATCH, POST), as pw_triage.py makes them. */
export async function maintainerRequest(rig: Rig, method: 'PATCH' | 'POST', path: string, body: unknown): Promise<unknown> {
  const r = await fetch(`${rig.url}/api/1.3${path}`, {
    method,
    headers: { authorization: `Token ${rig.token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: HTTP ${r.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}
