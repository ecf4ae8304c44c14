// Every row of one list's series table, for the table's filter in the browser.
import { listSlug } from '../../../../lib/list-pages.ts';
import { lists, seriesPatchwork, seriesTable } from '../../../../lib/site-data-fs.ts';
import { seriesTableView } from '../../../../lib/series-view.ts';

export function getStaticPaths() {
  return lists().map((l) => ({ params: { list: listSlug(l.name) }, props: { name: l.name } }));
}

export function GET({ props }: { props: { name: string } }): Response {
  return new Response(JSON.stringify(seriesTableView(seriesTable(props.name), seriesPatchwork()).rows));
}
