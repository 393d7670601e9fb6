/**
 * The article loader's render threads: how many (ARSHIF_RENDER_THREADS, else one per core), from
 * how many articles they pay, and the thread's side. A render thread starts from
 * src/loaders/render-thread-entry.mjs, which imports this module; it answers each article it is sent with
 * the same pure render step as the main thread (src/site/rendered-article.ts).
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { readSettings } from '../settings';
import { answerJob, type ArticleJob, type RenderAnswer, type RenderContext } from '../site/rendered-article';
import { RenderPool, serveRenders } from './render-pool';

/**
 * Articles to render per render thread started by default (the first two start together, at twice
 * this many): a thread loads its modules first, 0.3 to 0.5 s, in which the main thread renders
 * some 60 articles.
 */
const MIN_ARTICLES_PER_THREAD = 60;

/** The entry file of a render thread, found from the project root (the loader's own address is Vite's). */
function renderThreadEntry(root: string): string {
  return path.join(root, 'src/loaders/render-thread-entry.mjs');
}

/**
 * The pool that renders the articles of one content sync. ARSHIF_RENDER_THREADS sets the number of
 * threads for any number of articles (1: the main thread alone); by default there is one per core,
 * started as the articles to render add up to MIN_ARTICLES_PER_THREAD per thread.
 */
export function articleRenderPool(root: string, context: RenderContext, onFallback: (reason: string) => void): RenderPool<ArticleJob, RenderAnswer> {
  const threads = readSettings().renderThreads;
  return new RenderPool<ArticleJob, RenderAnswer>({
    threads: threads ?? availableParallelism(),
    perWorker: threads === null ? MIN_ARTICLES_PER_THREAD : 0,
    entry: renderThreadEntry(root),
    setup: context,
    renderHere: (job) => answerJob(job, context),
    onFallback,
  });
}

// Started by the pool: render what it is sent.
if (!isMainThread && (workerData as { arshifRenderPool?: unknown } | null)?.arshifRenderPool !== undefined) {
  await serveRenders<ArticleJob, RenderAnswer, RenderContext>((context) => (job) => answerJob(job, context));
}
