// List names as lore.kernel.org spells them, from List-Id headers. The generic rule takes the
// first label of the List-Id ("nvdimm.lists.linux.dev" -> "nvdimm"); lists lore names otherwise
// are listed here. Pure.

/** List-Ids whose lore name is not their first label (https://lore.kernel.org/ lists them). */
const LORE_NAMES: Record<string, string> = {
  'linux-kernel.vger.kernel.org': 'lkml',
  'linux-mm.kvack.org': 'linux-mm',
  'linux-nvdimm.lists.01.org': 'linux-nvdimm',
};

/** The List-Id value without brackets and description: `"desc" <a.b.c>` -> "a.b.c". */
export function listIdOf(headerValue: string): string {
  const m = headerValue.match(/<([^<>\s]+)>/);
  return (m ? m[1]! : headerValue.trim().split(/\s+/).pop() ?? '').toLowerCase();
}

/** The short name a list is known by, from its List-Id. '' for an empty List-Id. */
export function listName(listId: string): string {
  const id = listId.toLowerCase();
  return LORE_NAMES[id] ?? id.split('.')[0] ?? '';
}
