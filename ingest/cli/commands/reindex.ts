// patchlore reindex: rebuild every derived table from the raw mail in the store.
import { reindexStore } from '../../import/reindex-store.ts';
import { defaultWorkers } from '../../workers/worker-pool.ts';
import type { Command } from '../commands.ts';
import { createSteps } from '../progress.ts';
import { titleOf } from './import.ts';
import { jobsOption } from './options.ts';

export const reindexCommand: Command = {
  synopsis: '[--jobs N]',
  summary: 'rebuild messages, threads and the search index from the stored raw mail',
  help: 'example: patchlore reindex',
  options: { jobs: { type: 'string' } },
  async run(ctx) {
    // Any version's store: reindex rebuilds everything derived, so nothing needs catching up.
    const store = await ctx.store({ rebuild: true, catchUp: false });
    const total = store.mail.rawCount();
    const steps = createSteps('reindex');
    let s;
    try {
      s = await reindexStore(store, {
        workers: jobsOption(ctx, defaultWorkers()),
        onProgress: (d) => steps.update('parsing', d, total, `${d}/${total} raw`),
        onDerive: (d) => steps.update(d.title, 0, 0),
        onDeriveProgress: (name, done, n) => steps.update(titleOf(name), done, n, `${done}/${n}`),
      });
    } finally {
      steps.end();
    }
    if (ctx.json) ctx.outJson(s);
    else ctx.out(`reindexed ${s.raw} raw messages: ${s.messages} messages (${s.imposters} imposters), ${s.duplicates} duplicates, ${s.unparsed} unparsed, ${s.threads} threads`);
    return 0;
  },
};
