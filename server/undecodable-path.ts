// A request path that does not percent-decode to UTF-8 (`/api/v1/media/%E0%A4%A`) makes Next's
// router throw before any handler runs — a plain-text 500. The web server answers it here
// instead: 400 in our error shape.
import { ApiError } from '../lib/errors/api-error';
import { errorReply, type ErrorReply } from '../lib/http/error-response';

/** The 400 answer for a path with invalid percent-encoding; null for any path that decodes. */
export function undecodablePathReply(url: string | undefined): ErrorReply | null {
  const path = (url ?? '/').split('?')[0];
  try {
    decodeURIComponent(path);
    return null;
  } catch {
    return errorReply(new ApiError('validation_failed', 'The request path has invalid percent-encoding: every %XX sequence must decode to UTF-8.'));
  }
}
