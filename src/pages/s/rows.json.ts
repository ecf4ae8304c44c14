// Every row of the archive's series table, for the table's filter in the browser.
import { seriesPatchwork, seriesTable } from '../../lib/site-data-fs.ts';
import { seriesTableView } from '../../lib/series-view.ts';

export function GET(): Response {
  return new Response(JSON.stringify(seriesTableView(seriesTable(null), seriesPatchwork()).rows));
}
