/** Types for the font tools, which ship none. */
/** Types of `subset-font` (it ships none): HarfBuzz subsetting of an SFNT, WOFF or WOFF2 font. */
declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    preserveNameIds?: number[];
    variationAxes?: Record<string, number | { min?: number; max?: number; default?: number }>;
    noLayoutClosure?: boolean;
    keepAllGlyphs?: boolean;
  }
  /** A font holding only the glyphs needed to render `text`. */
  export default function subsetFont(font: Uint8Array, text: string | undefined, options?: SubsetOptions): Promise<Buffer>;
}

/** Types of `fontverter` (it ships none): conversion between font container formats. */
declare module 'fontverter' {
  export function convert(font: Uint8Array, toFormat: 'sfnt' | 'truetype' | 'woff' | 'woff2', fromFormat?: string): Promise<Buffer>;
}
