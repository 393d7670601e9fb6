/**
 * The entry file of a render thread (src/loaders/render-pool.ts). Plain JavaScript, so that Node
 * starts it as it is in any build — `astro build` runs without a TypeScript loader — it registers
 * tsx for this thread, then serves the article renders of src/loaders/render-thread.ts.
 */
import { register } from 'tsx/esm/api';

register();
await import('./render-thread.ts');
