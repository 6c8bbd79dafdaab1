/**
 * Factories that build a configured HTTP client without a pool of their own: they send through
 * Node's global agent or undici's global dispatcher unless given an agent. Building one per request
 * rebuilds configuration (cheap), not connections.
 */
import type { PackageExportSpec } from '../imports/export-spec';

export const THIN_WRAPPER_FACTORIES: readonly PackageExportSpec[] = [
  { from: 'package', package: 'axios', name: 'create' },
  { from: 'package', package: 'got', name: 'extend' },
  { from: 'package', package: 'ky', name: ['create', 'extend'] },
];
