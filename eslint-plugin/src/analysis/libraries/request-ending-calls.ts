/**
 * Framework calls that end the request by throwing: Next.js's `notFound()`, `redirect()`,
 * `permanentRedirect()`, `unauthorized()` and `forbidden()` (from `next/navigation`) throw a special
 * error the framework catches to render the 404 page or send the redirect. Code after them never
 * runs, so a response whose body is read only after such a call is left unread on that path.
 * Data only; `body-paths/request-ending-calls.ts` reads it.
 */
import type { PackageExportSpec } from '../imports/export-spec';

export const REQUEST_ENDING_CALLS: readonly PackageExportSpec[] = [
  { from: 'package', package: 'next/navigation', name: ['notFound', 'redirect', 'permanentRedirect', 'unauthorized', 'forbidden'] },
];
