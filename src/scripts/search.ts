// Browser side of /search/: reads ?q=, loads the static index, shows hits. Results are built
// with textContent only: subjects and names are mail-controlled.
import lunr from 'lunr';
import { messageIdQuery, toLunrQuery } from '../lib/search-query.ts';
import { messagePath } from '../lib/paths.ts';

type Doc = [href: string, subject: string, author: string, date: string, messageId: string];

const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results')!;
const input = document.querySelector<HTMLInputElement>('form.search input[name=q]')!;

let loaded: Promise<{ index: lunr.Index; docs: Doc[] }> | null = null;
function load(): Promise<{ index: lunr.Index; docs: Doc[] }> {
  loaded ??= Promise.all([fetch('/search/index.json').then((r) => r.json()), fetch('/search/docs.json').then((r) => r.json())]).then(
    ([index, docs]) => ({ index: lunr.Index.load(index), docs: docs as Doc[] }),
  );
  return loaded;
}

const LIMIT = 200;

async function run(q: string): Promise<void> {
  list.replaceChildren();
  if (!q.trim()) {
    status.textContent = '';
    return;
  }
  const mid = messageIdQuery(q);
  if (mid) {
    // A Message-ID: its permalink finds it, whatever the index holds.
    const a = document.createElement('a');
    a.href = messagePath(mid);
    a.textContent = `<${mid}>`;
    status.replaceChildren('Go to message ', a);
    return;
  }
  status.textContent = 'Searching…';
  const { index, docs } = await load();
  let hits: lunr.Index.Result[];
  try {
    hits = index.search(toLunrQuery(q));
  } catch (err) {
    status.textContent = `Cannot read this query: ${(err as Error).message}`;
    return;
  }
  status.textContent =
    hits.length === 0 ? 'No messages match.' : `${hits.length} ${hits.length === 1 ? 'message matches' : 'messages match'}${hits.length > LIMIT ? `; showing the first ${LIMIT}` : ''}.`;
  for (const h of hits.slice(0, LIMIT)) {
    const [href, subject, author, date, messageId] = docs[Number(h.ref)]!;
    const li = document.createElement('li');
    li.dataset.messageId = messageId;
    const a = document.createElement('a');
    a.href = href;
    a.textContent = subject || '(no subject)';
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = ` ${author} · ${date.slice(0, 10)}`;
    li.append(a, meta);
    list.append(li);
  }
}

const q = new URLSearchParams(location.search).get('q') ?? '';
input.value = q;
void run(q);
