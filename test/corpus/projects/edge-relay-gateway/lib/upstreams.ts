// Shared upstream clients, built once when the module loads.
import axios from 'axios';
import { Pool } from 'undici';

export const inventoryApi = axios.create({ baseURL: process.env.INVENTORY_URL });
export const tiles = new Pool(process.env.TILES_ORIGIN ?? 'https://tiles.example.com');
