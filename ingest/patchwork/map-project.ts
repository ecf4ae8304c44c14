// One project of Patchwork's API (/api/1.3/projects/ item or detail) to a PatchworkProject, and
// which project of a server's list a name given by the user means. Pure.
import type { Diagnostic, PatchworkProject } from '../types.ts';
import { PatchworkFields } from './patchwork-fields.ts';

/** A project, or null (with a problem) when it has no usable id or link name. */
export function mapProject(json: unknown, url: string, problems: Diagnostic[]): PatchworkProject | null {
  const f = PatchworkFields.of(json, 'project', url, problems);
  if (!f) return null;
  const id = f.id('id');
  const linkName = f.requiredString('link_name');
  if (f.unusable) return null;
  return {
    id,
    linkName,
    name: f.string('name'),
    listId: f.string('list_id'),
    listEmail: f.string('list_email'),
    // Both arrived with API 1.2.
    listArchiveUrlFormat: f.optionalString('list_archive_url_format') ?? '',
    commitUrlFormat: f.optionalString('commit_url_format') ?? '',
  };
}

/** The project a user meant by `name`: its link name, else its List-Id, list address or display
 *  name (case-insensitive), when exactly one project has it. */
export function matchProject(projects: readonly PatchworkProject[], name: string): PatchworkProject | null {
  const n = name.trim().toLowerCase();
  for (const key of ['linkName', 'listId', 'listEmail', 'name'] as const) {
    const hits = projects.filter((p) => p[key].toLowerCase() === n);
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) return null;
  }
  return null;
}
