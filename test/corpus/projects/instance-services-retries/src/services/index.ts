import { ApiClient } from './api-client';
import { SearchClient } from './search-client';

export const api = new ApiClient(process.env.CATALOG_URL ?? 'https://catalog.internal.example.com', process.env.CATALOG_TOKEN ?? '');
export const search = new SearchClient();
