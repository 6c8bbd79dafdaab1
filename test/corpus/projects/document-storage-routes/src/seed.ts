// Run once from the command line: seeds the bucket with a welcome document.
import { writeDocument } from './lib/blob-store';

await writeDocument('welcome', 'Welcome to the documents service.');
