// The first page a /movies or /shows page loads on the server: the same query the grid's client
// asks GET /api/v1/media for, parsed by the same schema.
import { browseQuerySchema, type BrowseQuery } from '@/lib/library/browse-all';
import { browseApiQuery, type BrowseFilters, type BrowseKind } from './browse-params';

export function browseQuery(kind: BrowseKind, filters: BrowseFilters): BrowseQuery {
  return browseQuerySchema.parse(Object.fromEntries(browseApiQuery(kind, filters)));
}
